// What the command-line tools refuse, named once for all of them (each is an entry of the error
// catalogue, src/errors/catalogue.ts). The message is the Swedish line the tool prints.
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
