'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import { ACCEPTED_IMAGE_TYPES, MAX_IMAGE_BYTES, MAX_IMAGES_PER_ANALYSIS } from '@/lib/analysis/images/limits';

const QUESTION_MAX = 2000;
type Picked = { id: string; file: File; url: string };
type Errors = Record<string, string[]>;

function clientProblem(file: File): string | null {
  if (file.type === 'image/svg+xml') return `${file.name}: SVG is not accepted; take a PNG or JPEG screenshot.`;
  if (!(ACCEPTED_IMAGE_TYPES as readonly string[]).includes(file.type)) return `${file.name}: only PNG, JPEG and WebP images are accepted.`;
  if (file.size > MAX_IMAGE_BYTES) return `${file.name}: larger than ${MAX_IMAGE_BYTES / (1024 * 1024)} MB.`;
  return null;
}

export function UploadForm({ dailyQuota }: { dailyQuota: number }) {
  const router = useRouter();
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [images, setImages] = useState<Picked[]>([]);
  const [kind, setKind] = useState<'chart' | 'broker'>('chart');
  const [question, setQuestion] = useState('');
  const [useHistory, setUseHistory] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);

  const add = (files: Iterable<File>) => {
    const problems: string[] = [];
    const accepted: Picked[] = [];
    for (const file of files) {
      const problem = clientProblem(file);
      if (problem) problems.push(problem);
      else accepted.push({ id: crypto.randomUUID(), file, url: URL.createObjectURL(file) });
    }
    setImages((current) => {
      const room = MAX_IMAGES_PER_ANALYSIS - current.length;
      if (accepted.length > room) problems.push(`At most ${MAX_IMAGES_PER_ANALYSIS} images per analysis.`);
      for (const extra of accepted.slice(Math.max(room, 0))) URL.revokeObjectURL(extra.url);
      return [...current, ...accepted.slice(0, Math.max(room, 0))];
    });
    setErrors((current) => ({ ...current, images: problems }));
  };

  // Paste a screenshot from the clipboard anywhere on the page.
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const files = [...(event.clipboardData?.files ?? [])];
      if (files.length === 0) return;
      event.preventDefault();
      add(files);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);

  const remove = (id: string) =>
    setImages((current) => {
      const gone = current.find((p) => p.id === id);
      if (gone) URL.revokeObjectURL(gone.url);
      return current.filter((p) => p.id !== id);
    });

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (images.length === 0) {
      setErrors({ images: ['Add at least one screenshot.'] });
      return;
    }
    setBusy(true);
    setMessage(null);
    setErrors({});
    const form = new FormData();
    for (const { file } of images) form.append('images', file, file.name);
    form.append('kind', kind);
    if (question.trim()) form.append('question', question);
    form.append('use_history', String(useHistory));
    try {
      const response = await fetch('/api/v1/analyses', { method: 'POST', body: form });
      const body = (await response.json().catch(() => ({}))) as { analysis?: { id: string }; error?: { message: string; fields?: Errors } };
      if (response.ok && body.analysis) {
        router.push(`/analysis/${body.analysis.id}`);
        return;
      }
      setMessage(body.error?.message ?? 'The upload failed. Try again.');
      setErrors(body.error?.fields ?? {});
    } catch {
      setMessage('Could not reach the server. Check your connection and try again.');
    }
    setBusy(false);
  }

  const fieldError = (name: string) =>
    errors[name]?.length ? (
      <p id={`${inputId}-${name}-error`} className="text-sm text-loss">
        {errors[name]?.join(' ')}
      </p>
    ) : null;

  return (
    <form onSubmit={submit} noValidate className="space-y-5 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`} className="text-lg font-semibold">
        New analysis
      </h2>
      {message ? (
        <div role="alert" className="rounded-md border border-loss/40 bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950/40 dark:text-red-200">
          {message}
        </div>
      ) : null}

      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          add(e.dataTransfer.files);
        }}
        className={`rounded-lg border-2 border-dashed p-5 text-center text-sm ${dragging ? 'border-brand-500 bg-brand-50 dark:bg-brand-700/20' : 'border-slate-300 dark:border-slate-700'}`}
      >
        <p>Drop screenshots here, paste one (Ctrl/⌘ + V), or</p>
        <label htmlFor={`${inputId}-files`} className="mt-2 inline-flex cursor-pointer rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-100 focus-within:outline-2 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800">
          Choose images
        </label>
        <input
          ref={fileInput}
          id={`${inputId}-files`}
          type="file"
          accept={ACCEPTED_IMAGE_TYPES.join(',')}
          multiple
          className="sr-only"
          aria-describedby={`${inputId}-files-hint ${errors.images?.length ? `${inputId}-images-error` : ''}`}
          onChange={(e) => {
            add(e.target.files ?? []);
            e.target.value = '';
          }}
        />
        <p id={`${inputId}-files-hint`} className="mt-2 text-xs text-slate-500 dark:text-slate-400">
          1 to {MAX_IMAGES_PER_ANALYSIS} PNG, JPEG or WebP images, up to {MAX_IMAGE_BYTES / (1024 * 1024)} MB each. {images.length}/{MAX_IMAGES_PER_ANALYSIS} added.
        </p>
      </div>
      {fieldError('images')}

      {images.length > 0 ? (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-5" aria-label="Selected images">
          {images.map((picked, index) => (
            <li key={picked.id} className="relative">
              <img src={picked.url} alt={`Preview of image ${index + 1}, ${picked.file.name}`} className="h-24 w-full rounded border border-slate-200 object-cover dark:border-slate-700" />
              <button
                type="button"
                onClick={() => remove(picked.id)}
                aria-label={`Remove image ${index + 1}`}
                className="absolute top-1 right-1 rounded bg-white/90 px-1.5 text-xs font-semibold text-slate-800 shadow hover:bg-red-50 dark:bg-slate-900/90 dark:text-slate-100"
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      ) : null}

      <fieldset>
        <legend className="text-sm font-medium text-slate-700 dark:text-slate-300">What is in the screenshots?</legend>
        <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:gap-6">
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="kind" value="chart" checked={kind === 'chart'} onChange={() => setKind('chart')} />
            Chart analysis
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="kind" value="broker" checked={kind === 'broker'} onChange={() => setKind('broker')} />
            Broker screenshot → trades
          </label>
        </div>
        {fieldError('kind')}
      </fieldset>

      <div className="space-y-1.5">
        <label htmlFor={`${inputId}-question`} className="block text-sm font-medium text-slate-700 dark:text-slate-300">
          Question (optional)
        </label>
        <textarea
          id={`${inputId}-question`}
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
          rows={3}
          maxLength={QUESTION_MAX}
          aria-invalid={Boolean(errors.question?.length) || undefined}
          aria-describedby={`${inputId}-question-count`}
          placeholder="e.g. Is this breakout worth buying, and where would I put my stop?"
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base sm:text-sm dark:border-slate-700 dark:bg-slate-900"
        />
        <p id={`${inputId}-question-count`} className="text-xs text-slate-500 dark:text-slate-400">
          {question.length}/{QUESTION_MAX} characters
        </p>
        {fieldError('question')}
      </div>

      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" checked={useHistory} onChange={(e) => setUseHistory(e.target.checked)} className="mt-0.5" />
        <span>
          Use my trade history as context
          <span className="block text-xs text-slate-500 dark:text-slate-400">Sends your 50 most recent journal trades (symbol, side, quantity, price, time) with this analysis.</span>
        </span>
      </label>

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={busy} className="inline-flex items-center gap-2 rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70">
          {busy ? (
            <>
              <span className="size-3.5 animate-spin rounded-full border-2 border-current border-t-transparent" aria-hidden="true" />
              Uploading…
            </>
          ) : (
            'Analyse'
          )}
        </button>
        <p className="text-xs text-slate-500 dark:text-slate-400">Up to {dailyQuota} analyses a day. Educational analysis, not investment advice.</p>
      </div>
    </form>
  );
}
