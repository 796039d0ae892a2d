import type { AcceptedImageType } from './limits';

export type SniffResult =
  | { accepted: true; mediaType: AcceptedImageType }
  | { accepted: false; reason: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ASK_FOR_SCREENSHOT = 'Upload a PNG, JPEG or WebP screenshot.';

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((value, i) => bytes[offset + i] === value);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, Math.min(end, bytes.length)));
}

function looksLikeMarkup(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 512));
  const trimmed = head.replace(/^\uFEFF/, '').trimStart().toLowerCase();
  return trimmed.startsWith('<');
}

/**
 * Decides the type from the file's own bytes. The browser-supplied name and MIME type are
 * attacker-controlled, so they are never consulted.
 */
export function sniffImageType(bytes: Uint8Array): SniffResult {
  if (startsWith(bytes, PNG_SIGNATURE)) return { accepted: true, mediaType: 'image/png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { accepted: true, mediaType: 'image/jpeg' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') {
    return { accepted: true, mediaType: 'image/webp' };
  }
  return { accepted: false, reason: describeRejected(bytes) };
}

function describeRejected(bytes: Uint8Array): string {
  const head4 = ascii(bytes, 0, 4);
  if (head4 === 'GIF8') {
    return `GIF images are not accepted. ${ASK_FOR_SCREENSHOT}`;
  }
  if (ascii(bytes, 4, 8) === 'ftyp') {
    return 'HEIC/AVIF photos are not accepted. Export the photo as JPEG, or upload a PNG, JPEG or WebP screenshot.';
  }
  if (head4 === '%PDF') return `PDF files are not accepted. ${ASK_FOR_SCREENSHOT}`;
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) || startsWith(bytes, [0x4d, 0x5a])) {
    return `This file is a program, not an image. ${ASK_FOR_SCREENSHOT}`;
  }
  if (looksLikeMarkup(bytes)) {
    return `SVG and other text or markup files are not accepted. ${ASK_FOR_SCREENSHOT}`;
  }
  return `This file is not a PNG, JPEG or WebP image. ${ASK_FOR_SCREENSHOT}`;
}
