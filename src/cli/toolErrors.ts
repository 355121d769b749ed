// What the command-line tools refuse, named once for all of them (each is an entry of the error
// catalogue, src/errors/catalogue.ts). The message is the Swedish line the tool prints.
import { classifyFailure, fixLine } from '../errors/classify.js';
import { CodedError } from '../errors/codedError.js';

/** The arguments are not what the tool takes; the tool prints the message and its usage. */
export class UsageError extends CodedError {
  override name = 'UsageError';
  readonly code = 'tool.usage';
}

/** The command was understood but is refused; nothing was written. */
export class RefusedError extends CodedError {
  override name = 'RefusedError';
  readonly code = 'tool.refused';
}

/** The store holds nothing to make the asked-for report from. */
export class NoReportError extends CodedError {
  override name = 'NoReportError';
  readonly code = 'tool.noReport';
}

/**
 * The error catalogue's fix for `error` as a line to print under the tool's own message, or undefined
 * when the failure is not a known one (nothing is printed then).
 */
export function fixFor(error: unknown): string | undefined {
  const failure = classifyFailure(error);
  return failure.code === 'unknown' ? undefined : fixLine(failure);
}

/** A failure the tool did not expect: printed whole (with its stack), and the fix when the catalogue knows it. */
export function printUnexpected(error: unknown): void {
  console.error('Fel:', error);
  const fix = fixFor(error);
  if (fix) console.error(fix);
}
