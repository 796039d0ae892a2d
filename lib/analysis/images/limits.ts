// Shared by the upload form (client) and the server, so this file must stay free of sharp and
// server-only imports.

export const ACCEPTED_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type AcceptedImageType = (typeof ACCEPTED_IMAGE_TYPES)[number];

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const MAX_IMAGES_PER_ANALYSIS = 5;

// Checked against the header before any pixel is decoded. 40 MP covers a screenshot spanning
// three 4K monitors; anything larger is not a screenshot and could be a decompression bomb.
export const MAX_INPUT_PIXELS = 40_000_000;
export const MAX_INPUT_EDGE = 20_000;

// The Messages API downscales anything with a long edge over 1568 px or above ~1.15 MP, which
// only adds latency; sending that size ourselves keeps what the model sees predictable.
export const MAX_OUTPUT_LONG_EDGE = 1568;
export const MAX_OUTPUT_PIXELS = 1_150_000;

// The API rejects an image whose base64 text exceeds 5 MB, i.e. about 3.75 MB of raw bytes.
export const API_MAX_IMAGE_BASE64_BYTES = 5_242_880;
export const API_MAX_IMAGE_RAW_BYTES = Math.floor((API_MAX_IMAGE_BASE64_BYTES / 4) * 3);

/** Image tokens as the Messages API counts them: about one token per 750 pixels. */
export function estimateImageTokens(width: number, height: number): number {
  return Math.ceil((width * height) / 750);
}
