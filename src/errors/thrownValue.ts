// Something thrown that is not an Error (a string, an object): wrapped so a rejection carries an
// Error with a stack, as promise rejections should (@typescript-eslint/prefer-promise-reject-errors).
import { CodedError } from './codedError.js';

/** A value thrown that was not an Error; `value` is what was thrown. */
class ThrownValueError extends CodedError {
  override name = 'ThrownValueError';
  readonly code = 'unknown';
  constructor(readonly value: unknown) {
    super(String(value));
  }
}

/** `thrown` itself when it is an Error, otherwise a ThrownValueError holding it. */
export function asError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new ThrownValueError(thrown);
}
