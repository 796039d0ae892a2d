import { SIGN_IN_MESSAGES, type SignInOutcome, zerodhaSignInEnabled } from '@/lib/kite/zerodha-sign-in';

/** "Login with Zerodha", shown only when the operator configured a platform Kite app. */
export function ZerodhaLogin({ outcome }: { outcome?: string }) {
  const message = outcome && Object.hasOwn(SIGN_IN_MESSAGES, outcome) ? SIGN_IN_MESSAGES[outcome as SignInOutcome] : undefined;
  if (!zerodhaSignInEnabled()) {
    return message ? (
      <p role="alert" className="mb-4 rounded-md border border-loss/40 bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950/40 dark:text-red-200">
        {message}
      </p>
    ) : null;
  }
  return (
    <div className="mb-6 space-y-3">
      {message ? (
        <p role="alert" className="rounded-md border border-loss/40 bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950/40 dark:text-red-200">
          {message}
        </p>
      ) : null}
      <a
        href="/api/kite/sign-in"
        className="flex w-full items-center justify-center gap-2 rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold shadow-sm hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
      >
        <span aria-hidden="true" className="grid size-5 place-items-center rounded bg-[#387ed1] text-[0.65rem] font-bold text-white">
          Z
        </span>
        Login with Zerodha
      </a>
      <p className="text-center text-xs text-slate-500">or sign in with your email</p>
    </div>
  );
}
