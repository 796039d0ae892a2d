import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center px-6 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">The page you asked for does not exist, or you do not have access to it.</p>
      <Link href="/dashboard" className="mt-6 rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white">
        Go to the dashboard
      </Link>
    </main>
  );
}
