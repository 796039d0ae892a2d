import 'server-only';
import { AppError, type FieldErrors } from '@/lib/errors';
import { readLimitedBytes } from '@/lib/http/read-body';
import { MAX_IMAGE_BYTES, MAX_IMAGES_PER_ANALYSIS } from './images/limits';
import { AnalysisQuestionSchema } from './prompt/build-analysis-request';
import { ANALYSIS_KINDS, type AnalysisKind } from './schemas/analysis-tools';

// Five full-size images plus room for the text fields and multipart boundaries.
export const MAX_UPLOAD_BODY_BYTES = MAX_IMAGES_PER_ANALYSIS * MAX_IMAGE_BYTES + 1024 * 1024;

const KNOWN_FIELDS = new Set(['images', 'kind', 'question', 'use_history']);
const TRUE = new Set(['true', 'on', '1', 'yes']);
const FALSE = new Set(['false', 'off', '0', 'no', '']);

export type AnalysisUpload = { kind: AnalysisKind; question: string | undefined; useHistory: boolean; images: Uint8Array[] };

function tooLarge(): AppError {
  return new AppError('payload_too_large', `The upload is larger than ${Math.round(MAX_UPLOAD_BODY_BYTES / (1024 * 1024))} MB; send at most ${MAX_IMAGES_PER_ANALYSIS} images of up to ${MAX_IMAGE_BYTES / (1024 * 1024)} MB each.`);
}

/**
 * Reads and validates the multipart form of POST /api/v1/analyses: every problem is reported at
 * once as field errors, and nothing about the images beyond "is a file" is judged here.
 */
export async function parseAnalysisUpload(request: Request): Promise<AnalysisUpload> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    throw new AppError('unsupported_media_type', 'Send the images as multipart/form-data (fields: images, kind, question, use_history).');
  }
  const body = await readLimitedBytes(request, MAX_UPLOAD_BODY_BYTES, tooLarge);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': type } }).formData();
  } catch {
    throw new AppError('bad_request', 'The multipart body could not be read.');
  }

  const fields: FieldErrors = {};
  const problem = (field: string, message: string) => (fields[field] ??= []).push(message);
  for (const key of new Set(form.keys())) if (!KNOWN_FIELDS.has(key)) problem(key, 'Unknown field.');

  const single = (name: string): string | undefined => {
    const values = form.getAll(name);
    if (values.length > 1) problem(name, 'Send this field once.');
    const value = values[0];
    if (value !== undefined && typeof value !== 'string') {
      problem(name, 'Must be a text field, not a file.');
      return undefined;
    }
    return value;
  };

  const kindText = single('kind');
  const kind = ANALYSIS_KINDS.find((k) => k === kindText?.trim().toLowerCase());
  if (!kind) problem('kind', kindText === undefined ? 'Choose chart or broker.' : 'Must be "chart" or "broker".');

  const question = AnalysisQuestionSchema.safeParse(single('question'));
  if (!question.success) problem('question', question.error.issues[0]?.message ?? 'Not valid.');

  const historyText = single('use_history')?.trim().toLowerCase();
  let useHistory = false;
  if (historyText !== undefined) {
    if (TRUE.has(historyText)) useHistory = true;
    else if (!FALSE.has(historyText)) problem('use_history', 'Must be true or false.');
  }

  const entries = form.getAll('images');
  const files = entries.filter((entry): entry is File => typeof entry !== 'string');
  if (files.length !== entries.length) problem('images', 'Every images field must be a file.');
  else if (files.length === 0) problem('images', 'Add at least one screenshot.');
  else if (files.length > MAX_IMAGES_PER_ANALYSIS) problem('images', `At most ${MAX_IMAGES_PER_ANALYSIS} images per analysis; you added ${files.length}.`);

  if (Object.keys(fields).length > 0 || !kind || !question.success) {
    throw new AppError('validation_failed', 'Some fields are not valid.', fields);
  }
  const images = await Promise.all(files.map(async (file) => new Uint8Array(await file.arrayBuffer())));
  return { kind, question: question.data, useHistory, images };
}
