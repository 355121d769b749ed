// Links to documents that expire and cannot be altered: the path and every query parameter,
// expiry included, are signed with HMAC-SHA256. Whoever holds a valid link may read the document
// until it expires; nobody can change what it points at or how long it lives.
import { createHmac, timingSafeEqual } from 'node:crypto';

const SIGNATURE_PARAM = 'sig';
const EXPIRES_PARAM = 'expires';

export type LinkCheck =
  | { ok: true; params: Record<string, string> }
  | { ok: false; reason: 'unsigned' | 'malformed' | 'badSignature' | 'expired' };

/** The signed text: the path, then the parameters sorted by name, each name=value URI-encoded. */
function canonical(path: string, params: Readonly<Record<string, string>>): string {
  const pairs = Object.keys(params)
    .sort()
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(Object.hasOwn(params, k) ? (params[k] ?? '') : '')}`);
  return `${path}\n${pairs.join('&')}`;
}

function signature(secret: string, path: string, params: Readonly<Record<string, string>>): Buffer {
  return createHmac('sha256', secret).update(canonical(path, params), 'utf8').digest();
}

/** The query string (without "?") that makes `path` valid until `expiresAt`, whole seconds. */
export function signQuery(
  secret: string,
  path: string,
  params: Readonly<Record<string, string>>,
  expiresAt: Date,
): string {
  if (Object.hasOwn(params, SIGNATURE_PARAM) || Object.hasOwn(params, EXPIRES_PARAM))
    throw new TypeError(`"${SIGNATURE_PARAM}" and "${EXPIRES_PARAM}" are set by signQuery`);
  const signed = { ...params, [EXPIRES_PARAM]: String(Math.floor(expiresAt.getTime() / 1000)) };
  const query = new URLSearchParams(signed);
  query.set(SIGNATURE_PARAM, signature(secret, path, signed).toString('base64url'));
  return query.toString();
}

/** Checks a received path and query string (with or without "?") at `now`. */
export function verifyQuery(secret: string, path: string, query: string, now: Date): LinkCheck {
  const received = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const seen = new Map<string, string>();
  for (const [key, value] of received) {
    // A repeated name could be read one way here and another way by whoever uses the value.
    if (seen.has(key)) return { ok: false, reason: 'malformed' };
    seen.set(key, value);
  }
  const sig = seen.get(SIGNATURE_PARAM);
  seen.delete(SIGNATURE_PARAM);
  // Own properties only (a "__proto__" or "toString" parameter is just a name here).
  const params: Record<string, string> = Object.fromEntries(seen);
  const expires = params[EXPIRES_PARAM];
  if (sig === undefined || sig === '' || expires === undefined) return { ok: false, reason: 'unsigned' };
  if (!/^\d{1,12}$/u.test(expires) || !/^[A-Za-z0-9_-]{1,100}$/u.test(sig)) return { ok: false, reason: 'malformed' };
  // Compared as text: base64url decoding ignores the last character's spare bits, the text does not.
  const expected = Buffer.from(signature(secret, path, params).toString('base64url'), 'ascii');
  const given = Buffer.from(sig, 'ascii');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'badSignature' };
  if (now.getTime() >= Number(expires) * 1000) return { ok: false, reason: 'expired' };
  seen.delete(EXPIRES_PARAM);
  return { ok: true, params: Object.fromEntries(seen) };
}

/**
 * The key that signs one area's links, derived from the deployment's secret (HMAC-SHA256 of the
 * area id): a link made for one area never verifies as another's, even with its parameters changed.
 */
export function areaKey(secret: string, areaId: string): string {
  return createHmac('sha256', secret).update(`area:${areaId}`, 'utf8').digest('hex');
}

/** The area a received query names (read before its signature is checked, to pick the key). */
export function areaOfQuery(query: string): string | undefined {
  const values = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query).getAll('area');
  return values.length === 1 ? values[0] : undefined;
}
