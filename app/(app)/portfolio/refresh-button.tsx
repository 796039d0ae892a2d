'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';

/** Re-renders the page on the server, which fetches from Zerodha again; shows progress meanwhile. */
export function RefreshButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <>
    <span role="status" aria-live="polite" className="sr-only">
      {pending ? 'Refreshing from Zerodha…' : ''}
    </span>
    <button
      type="button"
      onClick={() => startTransition(() => router.refresh())}
      disabled={pending}
      aria-disabled={pending}
      className="inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-100 disabled:cursor-wait disabled:opacity-70 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
    >
      {pending ? <span className="size-3.5 animate-spin rounded-full border-2 border-current border-t-transparent" aria-hidden="true" /> : null}
      {pending ? 'Refreshing from Zerodha…' : 'Refresh'}
    </button>
    </>
  );
}
