import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/session';

const FEATURES = [
  { title: 'Your real portfolio', text: 'Holdings, positions, orders and margins from your own Kite Connect app, still readable after the 6 AM token expiry.' },
  { title: 'Paper trading that behaves like Zerodha', text: 'MARKET, LIMIT, SL and SL-M orders filled at bid and ask, with Zerodha’s real charges on every fill.' },
  { title: 'Chart analysis by Claude', text: 'Screenshots become levels, patterns and a trade plan, one click from a paper order.' },
];

export default async function HomePage() {
  if (await getCurrentUser()) redirect('/dashboard');
  return (
    <main className="mx-auto flex min-h-dvh max-w-4xl flex-col justify-center px-6 py-16">
      <p className="flex items-center gap-2 text-lg font-bold tracking-tight">
        <span aria-hidden="true" className="grid size-8 place-items-center rounded-md bg-brand-600 text-white">T</span>
        Tradedeck
      </p>
      <h1 className="mt-8 text-4xl font-bold tracking-tight sm:text-5xl">A trading workspace for Zerodha traders.</h1>
      <p className="mt-4 max-w-2xl text-lg text-slate-600 dark:text-slate-400">
        Your portfolio, a paper account you can believe, and chart analysis in one place. Your Kite credentials stay encrypted and are never shown
        back.
      </p>
      <div className="mt-8 flex flex-wrap gap-3">
        <Link href="/sign-up" className="rounded-md bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700">
          Create an account
        </Link>
        <Link href="/sign-in" className="rounded-md border border-slate-300 px-5 py-2.5 font-semibold hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
          Sign in
        </Link>
      </div>
      <ul className="mt-14 grid gap-6 sm:grid-cols-3">
        {FEATURES.map((feature) => (
          <li key={feature.title}>
            <h2 className="font-semibold">{feature.title}</h2>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{feature.text}</p>
          </li>
        ))}
      </ul>
    </main>
  );
}
