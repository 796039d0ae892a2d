import type { Metadata } from 'next';
import { PageHeader } from '@/app/_components/empty-state';
import { SubmitButton } from '@/app/_components/submit-button';
import { describeDevice } from '@/lib/auth/describe-device';
import { requireUser } from '@/lib/auth/session';
import { listSessions } from '@/lib/auth/sessions';
import { signOutEverywhereAction } from '../actions';
import { ChangePasswordForm } from './change-password-form';
import { ZerodhaSection } from './zerodha-section';

export const metadata: Metadata = { title: 'Settings' };

const dateTime = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Kolkata' });

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
      <h2 id={`${id}-title`} className="mb-4 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function SettingsPage() {
  const user = await requireUser();
  const sessions = await listSessions({ userId: user.id });
  return (
    <>
      <PageHeader title="Settings" />
      <div className="space-y-6">
        <Section id="profile" title="Profile">
          <dl className="grid gap-2 text-sm sm:grid-cols-[8rem_1fr]">
            <dt className="text-slate-500">Name</dt>
            <dd>{user.name}</dd>
            <dt className="text-slate-500">Email</dt>
            <dd>{user.email}</dd>
          </dl>
        </Section>
        <Section id="zerodha" title="Zerodha">
          <ZerodhaSection />
        </Section>
        <Section id="password" title="Password">
          <ChangePasswordForm />
        </Section>
        <Section id="sessions" title="Signed-in devices">
          <ul className="mb-4 divide-y divide-slate-200 text-sm dark:divide-slate-800">
            {sessions.map((session) => (
              <li key={session.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="truncate">
                  {describeDevice(session.userAgent)}
                  {session.id === user.sessionId ? <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-700">this device</span> : null}
                </span>
                <span className="text-slate-500">
                  signed in {dateTime.format(session.createdAt)} · last active {dateTime.format(session.lastSeenAt)} IST
                </span>
              </li>
            ))}
          </ul>
          <form action={signOutEverywhereAction}>
            <SubmitButton variant="danger" pendingLabel="Signing out…">
              Sign out of every device
            </SubmitButton>
          </form>
        </Section>
      </div>
    </>
  );
}
