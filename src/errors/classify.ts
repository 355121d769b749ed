// One classifier for every place a failure is logged or reported: the turn's error handler, the start,
// the scheduled jobs, the command-line tools, /healthz. It knows the failures the libraries throw
// (Node's fs errors, pg's errors, the connector's HTTP status, Entra ID's token errors) and the bot's
// own coded errors, and answers with the catalogue's entry. The detail it returns names only
// technical facts (errno, syscall, status, SQLSTATE, class), never a message, a path or a value a
// user typed, so a log line built from it holds no personal data.
import { errorCatalogue, isErrorCode, type ErrorCode, type ErrorEntry } from './catalogue.js';

/** Technical facts about a failure, safe to log. */
export interface FailureDetail {
  /** The error's class name (RestError, DatabaseError, StoreFileError, …). */
  readonly name?: string;
  /** Node's errno code (ENOSPC, ECONNREFUSED, …). */
  readonly errno?: string;
  /** The system call that failed (open, write, connect, …). */
  readonly syscall?: string;
  /** The HTTP status of a failed request. */
  readonly status?: number;
  /** PostgreSQL's SQLSTATE (28P01, 3D000, …). */
  readonly sqlState?: string;
}

/** A classified failure: its catalogue entry and code, and what is safe to log about it. */
export interface Failure extends ErrorEntry {
  readonly code: ErrorCode;
  readonly detail: FailureDetail;
}

type Fields = Record<string, unknown>;

/** Written to disk when they fail (fs(3) calls): a disk error there is the operator's to fix. */
const FILE_CALLS = new Set([
  'open',
  'write',
  'read',
  'close',
  'mkdir',
  'rename',
  'unlink',
  'rmdir',
  'copyfile',
  'fsync',
  'fdatasync',
  'ftruncate',
  'scandir',
  'link',
  'symlink',
  'utime',
  'chmod',
]);

const FS_CODES: Readonly<Record<string, ErrorCode>> = {
  ENOSPC: 'disk.full',
  EDQUOT: 'disk.full',
  EACCES: 'disk.permission',
  EPERM: 'disk.permission',
  EROFS: 'disk.readOnly',
};

const NOT_A_FOLDER_CALLS = new Set(['mkdir', 'open', 'scandir']);

/** A file where the store wants a folder: mkdir finds something there (EEXIST), or a path goes through a file (ENOTDIR). */
function isNotAFolder(code: string, syscall: string): boolean {
  return (code === 'EEXIST' && syscall === 'mkdir') || (code === 'ENOTDIR' && NOT_A_FOLDER_CALLS.has(syscall));
}

/** PostgreSQL's SQLSTATE codes (PostgreSQL manual, appendix A "Error Codes"). */
const SQL_STATES: Readonly<Record<string, ErrorCode>> = {
  '28P01': 'database.password',
  '28000': 'database.password',
  '3D000': 'database.missing',
  '53300': 'database.tooManyConnections',
  '57P01': 'database.shutdown',
  '57P02': 'database.shutdown',
  '57P03': 'database.shutdown',
  '40001': 'database.conflict',
  '40P01': 'database.conflict',
};

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET']);

/** Entra ID's answers to a token request that fails: AADSTS numbers and OAuth error names (RFC 6749 §5.2). */
const TOKEN_FAILURE = /\bAADSTS\d+|\binvalid_client\b|\bunauthorized_client\b|\binvalid_grant\b/u;

const fieldsOf = (value: unknown): Fields | undefined =>
  typeof value === 'object' && value !== null ? (value as Fields) : undefined;
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The error and its causes (`cause`), outermost first, at most a few deep. */
function chainOf(error: unknown): Fields[] {
  const chain: Fields[] = [];
  for (let e = fieldsOf(error); e && chain.length < 5 && !chain.includes(e); e = fieldsOf(e.cause)) chain.push(e);
  return chain;
}

function statusOf(e: Fields): number | undefined {
  for (const value of [e.statusCode, e.status, fieldsOf(e.response)?.status])
    if (typeof value === 'number' && Number.isInteger(value)) return value;
  return undefined;
}

function isTokenFailure(e: Fields): boolean {
  return [e.message, e.errorCode, e.errorMessage].some((v) => TOKEN_FAILURE.test(text(v) ?? ''));
}

/** The code of a failure a library threw, from `e` alone; `database`: an own database error holds it. */
function libraryCode(e: Fields, database: boolean): ErrorCode | undefined {
  const code = text(e.code);
  const syscall = text(e.syscall);
  if (code && syscall && FILE_CALLS.has(syscall) && FS_CODES[code]) return FS_CODES[code];
  if (code && syscall && isNotAFolder(code, syscall)) return 'store.notAFolder';
  if (code && typeof e.severity === 'string' && SQL_STATES[code]) return SQL_STATES[code];
  if (database && code && NETWORK_CODES.has(code)) return 'database.unreachable';
  if (isTokenFailure(e)) return 'token.failed';
  const status = statusOf(e);
  if (status === 401) return 'connector.unauthorized';
  if (status === 403) return 'connector.forbidden';
  return undefined;
}

function detailOf(e: Fields | undefined): FailureDetail {
  if (!e) return {};
  const code = text(e.code);
  const status = statusOf(e);
  return {
    ...(text(e.name) ? { name: text(e.name) } : {}),
    ...(code && /^E[A-Z]+$/u.test(code) ? { errno: code } : {}),
    ...(code && typeof e.severity === 'string' ? { sqlState: code } : {}),
    ...(text(e.syscall) ? { syscall: text(e.syscall) } : {}),
    ...(status !== undefined ? { status } : {}),
  };
}

const failure = (code: ErrorCode, e: Fields | undefined): Failure => ({
  code,
  ...errorCatalogue[code],
  detail: detailOf(e),
});

/**
 * What `error` is, as an entry of the error catalogue. A library's failure anywhere in the cause
 * chain wins (a DatabaseUnavailableError caused by "database does not exist" is database.missing);
 * then the first own coded error; anything else is `unknown`. Never throws.
 */
export function classifyFailure(error: unknown): Failure {
  const chain = chainOf(error);
  const own = chain.find((e) => isErrorCode(e.code));
  const ownCode = own?.code as ErrorCode | undefined;
  const database = ownCode?.startsWith('database.') ?? false;
  for (const e of chain) {
    const code = libraryCode(e, database);
    if (code) return failure(code, e);
  }
  return ownCode ? failure(ownCode, own) : failure('unknown', chain[0]);
}

/**
 * The fields a log line gets for a failure: its code, number, fix and detail. Spread them into the
 * line's object beside `err`: `logger.error({ err, ...failureFields(err) }, 'message')`.
 */
export function failureFields(error: unknown): {
  failure: ErrorCode;
  failureNumber: number;
  fix: string;
  detail: FailureDetail;
} {
  const found = classifyFailure(error);
  return { failure: found.code, failureNumber: found.number, fix: found.fix, detail: found.detail };
}

/** The operator's line for a failure: what to do, prefixed so it stands out under the message. */
export function fixLine(found: Failure): string {
  return `Åtgärd (fel ${found.number}): ${found.fix}`;
}
