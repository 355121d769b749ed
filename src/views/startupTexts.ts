// What the bot prints when it cannot start (its standard error, read by the operator or the
// platform's log). The fix for a known failure comes from the error catalogue (src/errors).
import type { Catalogue } from './catalogue.js';

/** Why the start ended: a known refusal with its Swedish reason, or anything else (printed after the line). */
export type StartupFailure = { code: 'startup.refused'; reason: string } | { code: 'startup.failed' };

export const startupTexts: Catalogue<StartupFailure> = {
  'startup.refused': ({ reason }) => `Kan inte starta: ${reason}`,
  'startup.failed': () => 'Kan inte starta:',
};
