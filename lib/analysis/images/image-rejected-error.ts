export const IMAGE_REJECTION_CODES = [
  'empty_file',
  'file_too_large',
  'too_many_images',
  'unsupported_type',
  'dimensions_too_large',
  'corrupt_image',
  'duplicate_image',
] as const;
export type ImageRejectionCode = (typeof IMAGE_REJECTION_CODES)[number];

/**
 * An upload we refuse. `message` is written for the trader and safe to show as is; `code` is for
 * the API error body and for tests. `index` is the position of the file in the upload, if known.
 */
export class ImageRejectedError extends Error {
  override name = 'ImageRejectedError';
  readonly code: ImageRejectionCode;
  readonly index: number | undefined;

  constructor(code: ImageRejectionCode, message: string, options: { index?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.index = options.index;
  }

  /** The same rejection, labelled with the file's position in a multi-file upload. */
  withIndex(index: number): ImageRejectedError {
    return new ImageRejectedError(this.code, `Image ${index + 1}: ${this.message}`, { index, cause: this.cause });
  }
}
