// The base of the bot's own errors: each says, by its code, which entry of the error catalogue it is.
// The message keeps saying what happened in this instance (which file, which id); the catalogue adds
// what to do. Files that may not import this folder (src/domain) declare `readonly code` themselves:
// the classifier reads the code, not the class.
import type { ErrorCode } from './catalogue.js';

/** An error of the bot's own, with its catalogue code. Subclasses set `code` (and `name`). */
export abstract class CodedError extends Error {
  abstract readonly code: ErrorCode;
}
