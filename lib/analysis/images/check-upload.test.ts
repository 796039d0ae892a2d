import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  SVG_BYTES,
  makeChartPng,
  makeElfBytes,
  makeMzBytes,
  makePngBomb,
  truncate,
} from '@/tests/fixtures/images/make-images';
import { checkUpload, checkUploadCount, checkUploads } from './check-upload';
import { ImageRejectedError, type ImageRejectionCode } from './image-rejected-error';
import { MAX_IMAGE_BYTES, MAX_IMAGES_PER_ANALYSIS } from './limits';
import { readImageDimensions } from './read-image-dimensions';

function rejection(run: () => unknown): ImageRejectedError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImageRejectedError) return error;
    throw error;
  }
  throw new Error('expected an ImageRejectedError, nothing was thrown');
}

function expectCode(run: () => unknown, code: ImageRejectionCode): ImageRejectedError {
  const error = rejection(run);
  expect(error.code).toBe(code);
  return error;
}

describe('checkUpload', () => {
  it('accepts a PNG and reports its header size', async () => {
    const png = await makeChartPng(640, 360);
    expect(checkUpload(png)).toEqual({ mediaType: 'image/png', width: 640, height: 360, bytes: png.length });
  });

  it('refuses an empty file', () => {
    const error = expectCode(() => checkUpload(new Uint8Array(0)), 'empty_file');
    expect(error.message).toBe('The file is empty.');
  });

  it('refuses a renamed Linux or Windows executable by its magic bytes', () => {
    expect(expectCode(() => checkUpload(makeElfBytes()), 'unsupported_type').message).toMatch(/program, not an image/);
    expect(expectCode(() => checkUpload(makeMzBytes()), 'unsupported_type').message).toMatch(/program, not an image/);
  });

  it('refuses SVG, GIF, PDF and HEIC with a reason naming the format', async () => {
    expect(expectCode(() => checkUpload(SVG_BYTES), 'unsupported_type').message).toMatch(/^SVG/);
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: 'red' } }).gif().toBuffer();
    expect(expectCode(() => checkUpload(gif), 'unsupported_type').message).toMatch(/^GIF/);
    expect(expectCode(() => checkUpload(Buffer.from('%PDF-1.7\n')), 'unsupported_type').message).toMatch(/^PDF/);
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(16)]);
    expect(expectCode(() => checkUpload(heic), 'unsupported_type').message).toMatch(/^HEIC/);
  });

  it('refuses a file over the size limit before looking inside it', () => {
    const big = Buffer.alloc(MAX_IMAGE_BYTES + 1);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(big);
    const error = expectCode(() => checkUpload(big), 'file_too_large');
    expect(error.message).toBe('The file is 10.1 MB; the limit is 10 MB per image.');
  });

  it('refuses a 30000 × 30000 PNG bomb from its header alone', () => {
    const bomb = makePngBomb(30_000, 30_000);
    expect(bomb.length).toBeLessThan(200);
    const error = expectCode(() => checkUpload(bomb), 'dimensions_too_large');
    expect(error.message).toContain('30000 × 30000');
  });

  it('refuses a PNG whose header is cut off', async () => {
    const png = await makeChartPng(100, 100);
    expectCode(() => checkUpload(png.subarray(0, 20)), 'corrupt_image');
  });

  it('reads JPEG and all three WebP header variants like sharp does', async () => {
    const base = sharp({ create: { width: 321, height: 123, channels: 4, background: { r: 9, g: 9, b: 9, alpha: 0.5 } } });
    const variants = [
      { bytes: await base.clone().jpeg().toBuffer(), type: 'image/jpeg' as const },
      { bytes: await base.clone().removeAlpha().webp({ lossless: false }).toBuffer(), type: 'image/webp' as const },
      { bytes: await base.clone().webp({ lossless: true }).toBuffer(), type: 'image/webp' as const },
      { bytes: await base.clone().webp({ lossless: false }).toBuffer(), type: 'image/webp' as const },
    ];
    const chunks = new Set(variants.filter((v) => v.type === 'image/webp').map((v) => v.bytes.toString('latin1', 12, 16)));
    expect(chunks).toEqual(new Set(['VP8 ', 'VP8L', 'VP8X']));
    for (const { bytes, type } of variants) {
      expect(readImageDimensions(bytes, type)).toEqual({ width: 321, height: 123 });
      expect(checkUpload(bytes).mediaType).toBe(type);
    }
  });
});

describe('checkUploads', () => {
  it(`accepts ${MAX_IMAGES_PER_ANALYSIS} images and refuses a 6th`, async () => {
    const png = await makeChartPng(200, 200);
    expect(checkUploads(Array.from({ length: MAX_IMAGES_PER_ANALYSIS }, () => png))).toHaveLength(5);
    const error = expectCode(() => checkUploads(Array.from({ length: 6 }, () => png)), 'too_many_images');
    expect(error.message).toBe('At most 5 images per analysis; you added 6.');
    expectCode(() => checkUploadCount(0), 'empty_file');
  });

  it('names the position of the bad file', async () => {
    const png = await makeChartPng(200, 200);
    const error = expectCode(() => checkUploads([png, truncate(png, 0.001)]), 'corrupt_image');
    expect(error.index).toBe(1);
    expect(error.message).toMatch(/^Image 2: /);
  });
});
