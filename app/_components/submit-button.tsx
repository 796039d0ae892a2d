'use client';

import { useFormStatus } from 'react-dom';

export function SubmitButton({ children, pendingLabel, variant = 'primary' }: { children: React.ReactNode; pendingLabel: string; variant?: 'primary' | 'danger' | 'secondary' }) {
  const { pending } = useFormStatus();
  const colours = {
    primary: 'bg-brand-600 text-white hover:bg-brand-700',
    danger: 'bg-loss text-white hover:opacity-90',
    secondary: 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800',
  }[variant];
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-semibold shadow-sm disabled:cursor-wait disabled:opacity-70 ${colours}`}
    >
      {pending ? (
        <>
          <span className="size-3.5 animate-spin rounded-full border-2 border-current border-t-transparent" aria-hidden="true" />
          {pendingLabel}
        </>
      ) : (
        children
      )}
    </button>
  );
}
