// Which Node.js runs the bot, and whether it is one that still gets security fixes.

/**
 * The oldest Node.js major with security support on 2026-12-04: 22 is in maintenance LTS until
 * 2027-04-30, 24 until 2028-04-30, 26 (active LTS) until 2029-04-30; 20 ended on 2026-04-30
 * (source: the Node.js release schedule, github.com/nodejs/Release).
 */
export const OLDEST_SUPPORTED_NODE_MAJOR = 22;

export interface NodeRuntime {
  /** `process.version` as it is, e.g. "v24.21.0". */
  version: string;
  major: number;
  supported: boolean;
}

/** Reads a `process.version` string ("v24.21.0"); an unreadable one counts as unsupported. */
export function nodeRuntime(version: string): NodeRuntime {
  const major = Number(/^v(\d+)\./u.exec(version)?.[1] ?? Number.NaN);
  return { version, major, supported: Number.isInteger(major) && major >= OLDEST_SUPPORTED_NODE_MAJOR };
}
