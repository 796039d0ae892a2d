import { ImageRejectedError } from './image-rejected-error';
import {
  MAX_IMAGE_BYTES,
  MAX_IMAGES_PER_ANALYSIS,
  MAX_INPUT_EDGE,
  MAX_INPUT_PIXELS,
  type AcceptedImageType,
} from './limits';
import { readImageDimensions } from './read-image-dimensions';
import { sniffImageType } from './sniff-image-type';

export type UploadCheck = {
  mediaType: AcceptedImageType;
  width: number;
  height: number;
  bytes: number;
};

const CORRUPT_MESSAGE = 'The image is damaged or incomplete and could not be read. Try taking the screenshot again.';

// Rounded up, so a file just over the limit never reads as "10.0 MB; the limit is 10 MB".
function megabytes(bytes: number): string {
  return `${(Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toFixed(1)} MB`;
}

/**
 * Cheap checks on one uploaded file, using only its bytes and header: no pixel is decoded here.
 * Throws ImageRejectedError; a file that passes still has to decode in preprocessImage.
 */
export function checkUpload(bytes: Uint8Array): UploadCheck {
  if (bytes.length === 0) throw new ImageRejectedError('empty_file', 'The file is empty.');
  if (bytes.length > MAX_IMAGE_BYTES) {
    throw new ImageRejectedError(
      'file_too_large',
      `The file is ${megabytes(bytes.length)}; the limit is ${MAX_IMAGE_BYTES / (1024 * 1024)} MB per image.`,
    );
  }
  const sniffed = sniffImageType(bytes);
  if (!sniffed.accepted) throw new ImageRejectedError('unsupported_type', sniffed.reason);

  const dims = readImageDimensions(bytes, sniffed.mediaType);
  if (!dims) throw new ImageRejectedError('corrupt_image', CORRUPT_MESSAGE);
  const { width, height } = dims;
  if (width > MAX_INPUT_EDGE || height > MAX_INPUT_EDGE || width * height > MAX_INPUT_PIXELS) {
    throw new ImageRejectedError(
      'dimensions_too_large',
      `The image is ${width} × ${height} pixels; the limit is ${MAX_INPUT_PIXELS / 1_000_000} megapixels ` +
        `and ${MAX_INPUT_EDGE} pixels per side.`,
    );
  }
  return { mediaType: sniffed.mediaType, width, height, bytes: bytes.length };
}

export function checkUploadCount(count: number): void {
  if (count < 1) throw new ImageRejectedError('empty_file', 'Add at least one screenshot.');
  if (count > MAX_IMAGES_PER_ANALYSIS) {
    throw new ImageRejectedError(
      'too_many_images',
      `At most ${MAX_IMAGES_PER_ANALYSIS} images per analysis; you added ${count}.`,
    );
  }
}

/** Checks the count, then each file; a rejection names the file's position (Image 2: …). */
export function checkUploads(files: readonly Uint8Array[]): UploadCheck[] {
  checkUploadCount(files.length);
  return files.map((file, index) => {
    try {
      return checkUpload(file);
    } catch (error) {
      throw error instanceof ImageRejectedError ? error.withIndex(index) : error;
    }
  });
}
