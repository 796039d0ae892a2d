import type { ServerResponse } from 'node:http';
import { escapeHtml, sendHtml, sendRedirect } from './http-io';
import type { KiteApp } from './sessions';
import type { FakeKiteState } from './state';

export const LOGIN_PATH = '/connect/login';

const hidden = (name: string, value: string) =>
  `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;background:#f6f6f6;color:#222;margin:0}
main{max-width:26rem;margin:3rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002}
label{display:block;margin:.75rem 0 .25rem;font-weight:600}
input[type=text],input[type=password]{width:100%;padding:.5rem;box-sizing:border-box;font-size:1rem}
button{margin-top:1rem;padding:.6rem 1rem;font-size:1rem;cursor:pointer;width:100%}
.primary{background:#ff5722;color:#fff;border:0;border-radius:4px}
.secondary{background:#fff;border:1px solid #999;border-radius:4px}
[role=alert]{color:#b00020;font-weight:600}
.note{font-size:.85rem;color:#555}
</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

export function errorPage(res: ServerResponse, status: number, message: string): void {
  sendHtml(res, status, page('Kite Connect error', `<h1>Error</h1><p role="alert">${escapeHtml(message)}</p>`));
}

function loginPage(state: FakeKiteState, app: KiteApp, redirectParams: string, error?: string): string {
  const carry = hidden('api_key', app.apiKey) + hidden('redirect_params', redirectParams);
  const first = [...state.users.values()][0];
  const quickLogins = [...state.users.values()]
    .map(
      (user) => `<form method="post" action="${LOGIN_PATH}">${carry}${hidden('user_id', user.userId)}${hidden('password', user.password)}
<button type="submit" name="action" value="login" class="secondary">Log in as ${escapeHtml(user.userName)} (${escapeHtml(user.userId)})</button></form>`,
    )
    .join('\n');
  return page(
    'Login – Kite (fake)',
    `<h1>Login to Kite</h1>
<p><strong>${escapeHtml(app.name)}</strong> is requesting access to your Zerodha account.</p>
<p class="note">This is the Tradedeck fake Kite server. Nothing here talks to Zerodha.</p>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${LOGIN_PATH}" aria-label="Login">${carry}
<label for="user_id">User ID</label>
<input type="text" id="user_id" name="user_id" autocomplete="username" required value="${escapeHtml(first?.userId ?? '')}">
<label for="password">Password</label>
<input type="password" id="password" name="password" autocomplete="current-password" required value="${escapeHtml(first?.password ?? '')}">
<button type="submit" name="action" value="login" class="primary">Login</button>
</form>
<h2>Quick login</h2>
${quickLogins}
<form method="post" action="${LOGIN_PATH}">${carry}
<button type="submit" name="action" value="cancel" class="secondary">Cancel</button>
</form>`,
  );
}

/** Kite appends its own parameters, then the decoded redirect_params pairs, to the registered redirect URL. */
export function callbackUrl(app: KiteApp, own: Record<string, string>, redirectParams: string): string {
  const url = new URL(app.redirectUrl);
  for (const [key, value] of Object.entries(own)) url.searchParams.set(key, value);
  for (const [key, value] of new URLSearchParams(redirectParams)) {
    if (!(key in own)) url.searchParams.append(key, value);
  }
  return url.toString();
}

export function handleLoginGet(state: FakeKiteState, query: URLSearchParams, res: ServerResponse): void {
  const apiKey = query.get('api_key') ?? '';
  const app = state.sessions.apps.get(apiKey);
  if (!app) return errorPage(res, 400, apiKey ? 'Invalid `api_key`.' : 'Missing `api_key`.');
  sendHtml(res, 200, loginPage(state, app, query.get('redirect_params') ?? ''));
}

export function handleLoginPost(state: FakeKiteState, body: string, res: ServerResponse): void {
  const form = new URLSearchParams(body);
  const app = state.sessions.apps.get(form.get('api_key') ?? '');
  if (!app) return errorPage(res, 400, 'Invalid `api_key`.');
  const redirectParams = form.get('redirect_params') ?? '';
  if (form.get('action') === 'cancel') {
    return sendRedirect(res, callbackUrl(app, { action: 'login', type: 'login', status: 'cancelled' }, redirectParams));
  }
  const user = state.users.get((form.get('user_id') ?? '').trim().toUpperCase());
  if (!user || user.password !== form.get('password')) {
    return sendHtml(res, 401, loginPage(state, app, redirectParams, 'Invalid user ID or password.'));
  }
  const requestToken = state.sessions.issueRequestToken(app.apiKey, user.userId);
  sendRedirect(
    res,
    callbackUrl(app, { action: 'login', type: 'login', status: 'success', request_token: requestToken }, redirectParams),
  );
}
