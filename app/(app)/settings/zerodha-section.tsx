import { Suspense } from 'react';
import { requireUser } from '@/lib/auth/session';
import { CONNECT_MESSAGES } from '@/lib/kite/connect';
import { kiteRedirectUrl } from '@/lib/kite/redirect-url';
import { getKiteStatus } from '@/lib/kite/status';
import { ActionButton } from './zerodha/action-button';
import { disconnectKiteAction, removeKiteAppAction } from './zerodha/actions';
import { ConnectNotice } from './zerodha/connect-notice';
import { KiteAppForm } from './zerodha/kite-app-form';

const dateTime = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Kolkata' });
const ist = (iso: string | null) => (iso ? `${dateTime.format(new Date(iso))} IST` : '—');

export async function ZerodhaSection() {
  const user = await requireUser();
  const [status, redirectUrl] = await Promise.all([getKiteStatus({ userId: user.id }), kiteRedirectUrl()]);
  return (
    <div className="space-y-6 text-sm">
      <Suspense fallback={null}>
        <ConnectNotice messages={CONNECT_MESSAGES} />
      </Suspense>

      {status.linked ? (
        <div className="space-y-4">
          <dl className="grid gap-2 sm:grid-cols-[10rem_1fr]">
            <dt className="text-slate-500">Kite app api_key</dt>
            <dd className="font-mono" data-testid="kite-api-key">
              {status.api_key_masked}
            </dd>
            <dt className="text-slate-500">Zerodha</dt>
            <dd data-testid="kite-connection">
              {status.connected ? (
                <>
                  Connected as <strong>{status.zerodha_user_id}</strong> ({status.zerodha_user_name}); session ends {ist(status.expires_at)}
                </>
              ) : status.session === 'expired' ? (
                <>
                  Session of <strong>{status.zerodha_user_id}</strong> expired {ist(status.expires_at)}. Reconnect to refresh your portfolio.
                </>
              ) : (
                'Not connected'
              )}
            </dd>
            <dt className="text-slate-500">Last portfolio sync</dt>
            <dd>{ist(status.last_sync_at)}</dd>
          </dl>
          <div className="flex flex-wrap items-start gap-3">
            <a
              href="/api/kite/login"
              className="inline-flex items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700"
            >
              {status.connected ? 'Reconnect Zerodha' : status.session === 'expired' ? 'Reconnect Zerodha' : 'Connect Zerodha'}
            </a>
            {status.session !== 'none' ? <ActionButton action={disconnectKiteAction} label="Disconnect" pendingLabel="Disconnecting…" /> : null}
            <ActionButton action={removeKiteAppAction} label="Remove app" pendingLabel="Removing…" variant="danger" />
          </div>
        </div>
      ) : null}

      <details open={!status.linked} className="space-y-3">
        <summary className="cursor-pointer font-medium">{status.linked ? 'Replace the Kite Connect app' : 'Link your Kite Connect app'}</summary>
        <ol className="list-decimal space-y-2 pl-5 text-slate-700 dark:text-slate-300">
          <li>
            Sign in at{' '}
            <a className="text-brand-700 underline dark:text-brand-300" href="https://developers.kite.trade/apps" target="_blank" rel="noreferrer">
              developers.kite.trade
            </a>{' '}
            and create a Kite Connect app.
          </li>
          <li>
            Set its redirect URL to{' '}
            <code className="break-all rounded bg-slate-100 px-1.5 py-0.5 font-mono dark:bg-slate-800" data-testid="kite-redirect-url">
              {redirectUrl}
            </code>
          </li>
          <li>Copy the app&apos;s api_key and api_secret into the form below and save. Then press &quot;Connect Zerodha&quot;.</li>
        </ol>
        <KiteAppForm replacing={status.linked} />
      </details>
    </div>
  );
}
