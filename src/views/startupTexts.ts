// What the bot prints when it cannot start (its standard error, read by the operator or the
// platform's log). The fix for a known failure comes from the error catalogue (src/errors).
import type { Catalogue } from './catalogue.js';

/**
 * Why the start ended: a known refusal with its Swedish reason, a failure the error catalogue knows
 * (its description, and the file or folder it concerns when there is one), or anything else (printed
 * after the line).
 */
export type StartupFailure =
  | { code: 'startup.refused'; reason: string }
  | { code: 'startup.known'; description: string; path?: string }
  | { code: 'startup.failed' };

export const startupTexts: Catalogue<StartupFailure> = {
  'startup.refused': ({ reason }) => `Kan inte starta: ${reason}`,
  'startup.known': ({ description, path }) =>
    path ? `Kan inte starta: ${description} Sökväg: ${path}` : `Kan inte starta: ${description}`,
  'startup.failed': () => 'Kan inte starta:',
};
