import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { signOutAction } from './actions';
import { NavLinks } from './nav-links';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <div className="min-h-dvh md:grid md:grid-cols-[14rem_1fr]">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-slate-900">
        Skip to content
      </a>
      <header className="sticky top-0 z-10 border-b border-slate-200 bg-white/95 backdrop-blur md:h-dvh md:border-r md:border-b-0 dark:border-slate-800 dark:bg-slate-900/95">
        <div className="flex items-center justify-between gap-3 px-4 py-3 md:block md:space-y-6 md:py-5">
          <Link href="/dashboard" className="flex items-center gap-2 font-bold tracking-tight">
            <span aria-hidden="true" className="grid size-7 place-items-center rounded-md bg-brand-600 text-sm text-white">T</span>
            Tradedeck
          </Link>
          <div className="flex items-center gap-2 md:block md:space-y-2">
            <p className="hidden max-w-[12rem] truncate text-sm text-slate-600 sm:block dark:text-slate-400" title={user.email}>
              {user.name}
            </p>
            <form action={signOutAction}>
              <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
                Sign out
              </button>
            </form>
          </div>
        </div>
        <nav aria-label="Main" className="px-2 pb-2 md:px-3">
          <NavLinks />
        </nav>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl px-4 py-6 md:px-8 md:py-8">
        {children}
      </main>
    </div>
  );
}
