export type PromptInputErrorCode =
  | 'question_too_long'
  | 'no_images'
  | 'too_many_images'
  | 'invalid_max_tokens'
  | 'invalid_model'
  | 'repair_already_attempted';

/** A request we refuse to build; `message` is safe to show to the trader. */
export class PromptInputError extends Error {
  override name = 'PromptInputError';
  readonly code: PromptInputErrorCode;

  constructor(code: PromptInputErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
