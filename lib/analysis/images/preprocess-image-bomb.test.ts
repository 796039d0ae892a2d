import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeElfBytes, makePngBomb } from '@/tests/fixtures/images/make-images';
import { ImageRejectedError } from './image-rejected-error';

// Counts every call into sharp, to prove that a bomb is refused before any decoder sees it.
const calls = vi.hoisted(() => ({ sharp: 0 }));
vi.mock('sharp', async (importOriginal) => {
  const actual = await importOriginal<typeof import('sharp')>();
  const counted = new Proxy(actual.default, {
    apply(target, thisArg, args) {
      calls.sharp += 1;
      return Reflect.apply(target, thisArg, args);
    },
  });
  return { default: counted };
});

const { preprocessImage } = await import('./preprocess-image');

beforeEach(() => {
  calls.sharp = 0;
});

describe('preprocessImage and decompression bombs', () => {
  it('refuses a 30000 × 30000 PNG from its header, never calling sharp', async () => {
    const bomb = makePngBomb(30_000, 30_000);
    const error = await preprocessImage(bomb).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImageRejectedError);
    expect(error instanceof ImageRejectedError && error.code).toBe('dimensions_too_large');
    expect(calls.sharp).toBe(0);
  });

  it('refuses an executable without calling sharp either', async () => {
    await expect(preprocessImage(makeElfBytes())).rejects.toMatchObject({ code: 'unsupported_type' });
    expect(calls.sharp).toBe(0);
  });

  it('does call sharp for a real image, so the counter is live', async () => {
    const small = makePngBomb(64, 64);
    await preprocessImage(small).catch(() => undefined);
    expect(calls.sharp).toBeGreaterThan(0);
  });
});
