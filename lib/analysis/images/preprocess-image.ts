import 'server-only';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { checkUpload, type UploadCheck } from './check-upload';
import { ImageRejectedError } from './image-rejected-error';
import {
  API_MAX_IMAGE_RAW_BYTES,
  MAX_INPUT_PIXELS,
  MAX_OUTPUT_LONG_EDGE,
  MAX_OUTPUT_PIXELS,
  estimateImageTokens,
} from './limits';

export type PreprocessedImage = {
  data: Buffer;
  mediaType: 'image/png' | 'image/jpeg' | 'image/webp';
  width: number;
  height: number;
  bytes: number;
  sha256: string;
  estimatedTokens: number;
  original: UploadCheck;
};

// Screenshots (flat colours, text) stay lossless PNG, which keeps thin candle wicks and axis
// labels crisp. Photo-like content compresses badly as PNG; above this size it becomes JPEG at
// quality 90 with 4:4:4 chroma, because the usual 4:2:0 (and lossy WebP, which always uses it)
// smears thin red/green lines into their background.
export const PNG_BUDGET_BYTES = 1_500_000;
const JPEG_QUALITIES = [90, 75] as const;

type RawImage = { data: Buffer; width: number; height: number; channels: 1 | 2 | 3 | 4 };

export function outputSize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(
    1,
    MAX_OUTPUT_LONG_EDGE / Math.max(width, height),
    Math.sqrt(MAX_OUTPUT_PIXELS / (width * height)),
  );
  // The epsilon stops 3000 × (1568 / 3000) from flooring to 1567.
  const fit = (edge: number) => Math.max(1, Math.floor(edge * scale + 1e-9));
  return { width: fit(width), height: fit(height) };
}

async function decode(input: Uint8Array): Promise<RawImage> {
  // limitInputPixels repeats the header check inside libvips, in case a header lies about its size.
  const image = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', pages: 1 }).autoOrient();
  const meta = await image.metadata();
  const oriented = meta.autoOrient;
  // outputSize already kept the aspect ratio; fill makes sharp use exactly that size.
  const target = outputSize(oriented.width, oriented.height);
  const { data, info } = await image
    .resize({ width: target.width, height: target.height, fit: 'fill' })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

function isFullyOpaque(raw: RawImage): boolean {
  if (raw.channels !== 2 && raw.channels !== 4) return true;
  for (let i = raw.channels - 1; i < raw.data.length; i += raw.channels) {
    if (raw.data[i] !== 255) return false;
  }
  return true;
}

function fromRaw(raw: RawImage) {
  return sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: raw.channels } });
}

async function encode(raw: RawImage, source: UploadCheck['mediaType']): Promise<{ data: Buffer; mediaType: 'image/png' | 'image/jpeg' }> {
  // A JPEG source (a phone photo of a screen) is already lossy and noisy: PNG would only keep its
  // artefacts at ten times the bytes, and deflating that noise took about 2 s for 12 MP in
  // bench:analysis-preprocess, against about 10 ms for JPEG.
  if (source !== 'image/jpeg') {
    const opaque = isFullyOpaque(raw);
    const base = opaque ? fromRaw(raw).removeAlpha() : fromRaw(raw);
    const png = await base.png({ compressionLevel: 9, adaptiveFiltering: true }).toBuffer();
    if (png.length <= PNG_BUDGET_BYTES) return { data: png, mediaType: 'image/png' };
  }

  for (const quality of JPEG_QUALITIES) {
    const jpeg = await fromRaw(raw)
      .flatten({ background: '#ffffff' })
      .jpeg({ quality, chromaSubsampling: '4:4:4' })
      .toBuffer();
    if (jpeg.length <= API_MAX_IMAGE_RAW_BYTES) return { data: jpeg, mediaType: 'image/jpeg' };
  }
  throw new ImageRejectedError(
    'file_too_large',
    'This image is too detailed to send for analysis even after compression. Crop it to the chart and try again.',
  );
}

/**
 * Checks an upload, decodes it fully, applies the EXIF orientation, drops every metadata block
 * (EXIF, GPS, XMP, ICC) by re-encoding from raw pixels, and downsizes it to what the model sees.
 * Throws ImageRejectedError with a message fit for the trader.
 */
export async function preprocessImage(input: Uint8Array): Promise<PreprocessedImage> {
  const original = checkUpload(input);
  let raw: RawImage;
  try {
    raw = await decode(input);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/pixel limit/i.test(message)) {
      throw new ImageRejectedError('dimensions_too_large', 'The image has too many pixels to process.', {
        cause: error,
      });
    }
    throw new ImageRejectedError(
      'corrupt_image',
      'The image is damaged or incomplete and could not be read. Try taking the screenshot again.',
      { cause: error },
    );
  }
  const { data, mediaType } = await encode(raw, original.mediaType);
  return {
    data,
    mediaType,
    width: raw.width,
    height: raw.height,
    bytes: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
    estimatedTokens: estimateImageTokens(raw.width, raw.height),
    original,
  };
}
