import { AppError } from '@/lib/errors';

export const DEFAULT_JSON_LIMIT_BYTES = 64 * 1024;

/** Reads a JSON body, refusing it early by Content-Length and again while streaming. */
export async function readJsonBody(request: Request, limitBytes = DEFAULT_JSON_LIMIT_BYTES): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(.+\+)?json\s*(;|$)/i.test(type)) {
    throw new AppError('unsupported_media_type', 'Send the body as JSON with Content-Type: application/json.');
  }
  const bytes = await readLimitedBytes(request, limitBytes, () => tooLarge(limitBytes));
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.trim() === '') throw new AppError('invalid_json', 'The request body is empty; send a JSON object.');
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('invalid_json', 'The request body is not valid JSON.');
  }
}

/**
 * Reads a request body, refusing it by Content-Length before reading and again while streaming,
 * so no body over the limit is ever buffered whole (Request.formData() and .json() would).
 */
export async function readLimitedBytes(request: Request, limitBytes: number, tooLargeError: () => AppError): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limitBytes) throw tooLargeError();
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel();
      throw tooLargeError();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function tooLarge(limitBytes: number): AppError {
  return new AppError('payload_too_large', `The request body is larger than ${Math.round(limitBytes / 1024)} kB.`);
}
