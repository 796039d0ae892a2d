import type { FormState } from '@/lib/http/form-state';

/** The form-level message, announced to screen readers when it appears. */
export function FormMessage({ state }: { state: FormState }) {
  if (state.status === 'idle' || !state.message) return <div role="status" aria-live="polite" />;
  const tone =
    state.status === 'error'
      ? 'border-loss/40 bg-red-50 text-red-900 dark:bg-red-950/40 dark:text-red-200'
      : 'border-gain/40 bg-emerald-50 text-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-200';
  return (
    <div role={state.status === 'error' ? 'alert' : 'status'} className={`rounded-md border px-3 py-2 text-sm ${tone}`}>
      {state.message}
    </div>
  );
}
