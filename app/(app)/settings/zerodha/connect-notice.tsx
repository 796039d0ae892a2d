'use client';

import { useSearchParams } from 'next/navigation';

export type ConnectMessages = Record<string, { tone: 'success' | 'error'; text: string }>;

/** The outcome of the Kite redirect (?kite=<code>), from a fixed list: nothing from the URL is echoed. */
export function ConnectNotice({ messages }: { messages: ConnectMessages }) {
  const code = useSearchParams().get('kite');
  const message = code && Object.hasOwn(messages, code) ? messages[code] : undefined;
  if (!message) return null;
  const tone =
    message.tone === 'error'
      ? 'border-loss/40 bg-red-50 text-red-900 dark:bg-red-950/40 dark:text-red-200'
      : 'border-gain/40 bg-emerald-50 text-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-200';
  return (
    <div role={message.tone === 'error' ? 'alert' : 'status'} className={`mb-4 rounded-md border px-3 py-2 text-sm ${tone}`}>
      {message.text}
    </div>
  );
}
