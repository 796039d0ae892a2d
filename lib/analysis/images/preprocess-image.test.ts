import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  GPS_MARKER,
  SVG_BYTES,
  makeChartPng,
  makeElfBytes,
  makeJpegWithGps,
  makeNoisePng,
  truncate,
} from '@/tests/fixtures/images/make-images';
import { ImageRejectedError } from './image-rejected-error';
import { API_MAX_IMAGE_RAW_BYTES, MAX_OUTPUT_LONG_EDGE, MAX_OUTPUT_PIXELS } from './limits';
import { outputSize, preprocessImage } from './preprocess-image';

async function rejectionOf(promise: Promise<unknown>): Promise<ImageRejectedError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImageRejectedError) return error;
    throw error;
  }
  throw new Error('expected an ImageRejectedError, nothing was thrown');
}

describe('preprocessImage', () => {
  it('keeps a screenshot-sized PNG at its size, lossless, with hash and token estimate', async () => {
    const png = await makeChartPng(1200, 700);
    const out = await preprocessImage(png);
    expect(out).toMatchObject({ mediaType: 'image/png', width: 1200, height: 700, estimatedTokens: 1120 });
    expect(out.bytes).toBe(out.data.length);
    expect(out.sha256).toBe(createHash('sha256').update(out.data).digest('hex'));
    expect(out.original).toEqual({ mediaType: 'image/png', width: 1200, height: 700, bytes: png.length });
    const source = await sharp(png).removeAlpha().raw().toBuffer();
    const result = await sharp(out.data).raw().toBuffer();
    expect(result.equals(source)).toBe(true);
  });

  it('downscales a 4000 × 2500 PNG under the long-edge and megapixel limits, keeping the aspect ratio', async () => {
    const out = await preprocessImage(await makeChartPng(4000, 2500));
    expect(out).toMatchObject({ width: 1356, height: 847, mediaType: 'image/png' });
    expect(Math.max(out.width, out.height)).toBeLessThanOrEqual(MAX_OUTPUT_LONG_EDGE);
    expect(out.width * out.height).toBeLessThanOrEqual(MAX_OUTPUT_PIXELS);
    expect(out.estimatedTokens).toBe(Math.ceil((1356 * 847) / 750));
    const meta = await sharp(out.data).metadata();
    expect([meta.width, meta.height]).toEqual([1356, 847]);
  });

  it('caps the long edge at 1568 for a tall narrow screenshot', () => {
    expect(outputSize(600, 3000)).toEqual({ width: 313, height: 1568 });
    expect(outputSize(800, 600)).toEqual({ width: 800, height: 600 });
  });

  it('strips EXIF and GPS from a phone JPEG', async () => {
    const jpeg = await makeJpegWithGps();
    const before = await sharp(jpeg).metadata();
    expect(before.exif?.toString('latin1')).toContain(GPS_MARKER);
    const out = await preprocessImage(jpeg);
    const after = await sharp(out.data).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(out.data.toString('latin1')).not.toContain(GPS_MARKER);
    expect(out.data.toString('latin1')).not.toContain('Exif');
  });

  it('applies the EXIF orientation before dropping it', async () => {
    const rotated = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#336699' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const out = await preprocessImage(rotated);
    expect([out.width, out.height]).toEqual([200, 400]);
  });

  it('switches photo-like content to 4:4:4 JPEG within the API size limit', async () => {
    const out = await preprocessImage(await makeNoisePng(1000, 1000));
    expect(out.mediaType).toBe('image/jpeg');
    expect(out.bytes).toBeLessThanOrEqual(API_MAX_IMAGE_RAW_BYTES);
    const meta = await sharp(out.data).metadata();
    expect(meta.chromaSubsampling).toBe('4:4:4');
  });

  it('re-encodes a JPEG photo as a 4:4:4 JPEG rather than a PNG of its noise', async () => {
    const out = await preprocessImage(await makeJpegWithGps(1200, 800));
    expect(out.mediaType).toBe('image/jpeg');
    expect((await sharp(out.data).metadata()).chromaSubsampling).toBe('4:4:4');
  });

  it('drops an alpha channel that is fully opaque and keeps a real one', async () => {
    const opaque = await sharp({ create: { width: 50, height: 50, channels: 4, background: { r: 1, g: 2, b: 3, alpha: 1 } } })
      .png()
      .toBuffer();
    const translucent = await sharp({ create: { width: 50, height: 50, channels: 4, background: { r: 1, g: 2, b: 3, alpha: 0.5 } } })
      .png()
      .toBuffer();
    expect((await sharp((await preprocessImage(opaque)).data).metadata()).channels).toBe(3);
    expect((await sharp((await preprocessImage(translucent)).data).metadata()).channels).toBe(4);
  });

  it('accepts WebP and re-encodes it', async () => {
    const webp = await sharp(await makeChartPng(300, 200)).webp({ lossless: true }).toBuffer();
    const out = await preprocessImage(webp);
    expect(out).toMatchObject({ mediaType: 'image/png', width: 300, height: 200 });
  });

  it('refuses a truncated PNG and a truncated JPEG when decoding them', async () => {
    const png = await makeChartPng(800, 600);
    const jpeg = await makeJpegWithGps();
    for (const cut of [truncate(png, 0.5), truncate(jpeg, 0.6)]) {
      const error = await rejectionOf(preprocessImage(cut));
      expect(error.code).toBe('corrupt_image');
      expect(error.message).toMatch(/damaged or incomplete/);
    }
  });

  it('refuses zero bytes, an executable and an SVG without decoding', async () => {
    expect((await rejectionOf(preprocessImage(new Uint8Array(0)))).code).toBe('empty_file');
    expect((await rejectionOf(preprocessImage(makeElfBytes()))).code).toBe('unsupported_type');
    expect((await rejectionOf(preprocessImage(SVG_BYTES))).code).toBe('unsupported_type');
  });
});
