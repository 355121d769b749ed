// The refusals every store (memory, file, PostgreSQL) throws for a change to a record, named once.
import { CodedError } from '../errors/codedError.js';

/** A change to a record of another area, or to one that does not exist: refused, nothing stored. */
export class UnknownRecordError extends CodedError {
  override name = 'UnknownRecordError';
  readonly code = 'store.unknownRecord';
}

/** A new record whose id is taken already: nothing stored. */
export class DuplicateRecordError extends CodedError {
  override name = 'DuplicateRecordError';
  readonly code = 'store.duplicateRecord';
}
