import type { IncomingMessage, ServerResponse } from 'node:http';

export type KiteErrorType =
  | 'TokenException'
  | 'PermissionException'
  | 'UserException'
  | 'OrderException'
  | 'InputException'
  | 'MarginException'
  | 'HoldingException'
  | 'NetworkException'
  | 'DataException'
  | 'GeneralException';

/** Thrown by route handlers; the router turns it into Kite's error envelope. */
export class KiteHttpError extends Error {
  constructor(
    readonly status: number,
    readonly errorType: KiteErrorType,
    message: string,
  ) {
    super(message);
  }
}

export const invalidTokenError = () =>
  new KiteHttpError(403, 'TokenException', 'Incorrect `api_key` or `access_token`.');

export const inputError = (message: string) => new KiteHttpError(400, 'InputException', message);

const MAX_BODY_BYTES = 1_000_000;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw inputError('Request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendSuccess(res: ServerResponse, data: unknown): void {
  sendJson(res, 200, { status: 'success', data });
}

export function sendKiteError(res: ServerResponse, status: number, errorType: string, message: string): void {
  sendJson(res, status, { status: 'error', message, data: null, error_type: errorType });
}

/** The client parses CSV only when Content-Type is exactly "text/csv" (no charset). */
export function sendCsv(res: ServerResponse, csv: string): void {
  res.writeHead(200, { 'Content-Type': 'text/csv', 'Content-Length': Buffer.byteLength(csv) });
  res.end(csv);
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(html) });
  res.end(html);
}

export function sendRedirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { Location: location, 'Content-Length': 0 });
  res.end();
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Parses a JSON request body, mapping failures to Kite's InputException. */
export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw inputError('Invalid JSON body');
  }
}
