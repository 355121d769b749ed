// What the command-line tools refuse, named once for all of them (each is an entry of the error
// catalogue, src/errors/catalogue.ts). The message is the Swedish line the tool prints.
import { classifyFailure, fixLine } from '../errors/classify.js';
import { CodedError } from '../errors/codedError.js';
import { toolTexts } from '../views/cliTexts.js';

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

/**
 * A failure the tool did not expect: one line and the fix when the error catalogue knows it (a file
 * where the store folder should be, no permission), else printed whole with its stack.
 */
export function printUnexpected(error: unknown): void {
  const failure = classifyFailure(error);
  if (failure.code === 'unknown') {
    console.error('Fel:', error);
    return;
  }
  const path = (error as { path?: unknown }).path;
  console.error(toolTexts.failed(failure.description, typeof path === 'string' ? path : undefined));
  console.error(fixLine(failure));
}

/**
 * What node:util's parseArgs refused, in the tools' Swedish: an option given without its value
 * (ERR_PARSE_ARGS_INVALID_OPTION_VALUE), an unknown option or an argument the tool does not take
 * (ERR_PARSE_ARGS_UNKNOWN_OPTION, ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL), named as parseArgs quotes it.
 */
export function argumentProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const named = /'([^']+)'/u.exec(message)?.[1];
  if (!named) return toolTexts.unreadableArguments;
  const code = (error as { code?: unknown }).code;
  return code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
    ? toolTexts.optionNeedsValue(named.replace(/ <value>$/u, ''))
    : toolTexts.unknownArgument(named);
}
