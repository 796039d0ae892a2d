'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

export function DeleteAnalysisButton({ id, redirectTo, label = 'Delete analysis' }: { id: string; redirectTo?: string; label?: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    if (!window.confirm('Delete this analysis and its images? This cannot be undone.')) return;
    setBusy(true);
    setError(null);
    const response = await fetch(`/api/v1/analyses/${id}`, { method: 'DELETE' }).catch(() => null);
    setBusy(false);
    if (!response || (!response.ok && response.status !== 404)) {
      setError('Could not delete. Try again.');
      return;
    }
    if (redirectTo) router.push(redirectTo);
    router.refresh();
  }

  return (
    <span className="flex shrink-0 items-center gap-2">
      {error ? (
        <span role="alert" className="text-xs text-loss">
          {error}
        </span>
      ) : null}
      <button
        type="button"
        onClick={remove}
        aria-label={label}
        disabled={busy}
        className="rounded-md border border-slate-300 px-2.5 py-1 text-xs hover:bg-red-50 hover:text-red-800 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-red-950/40 dark:hover:text-red-200"
      >
        {busy ? 'Deleting…' : 'Delete'}
      </button>
    </span>
  );
}
