// The words after a number that say what it counts, shared by the date and the log parsers, so
// "14 mars 1000 st" is a date and a count, never the year 1000.
import { fold } from './text.js';

export const COUNT_UNITS: ReadonlySet<string> = new Set(
  [
    'st',
    'st.',
    'stycken',
    'ggr',
    'ggr.',
    'gång',
    'gånger',
    'tillfälle',
    'tillfällen',
    'pass',
    'x',
    'insats',
    'insatser',
  ].map(fold),
);
export const PARTICIPANT_UNITS: ReadonlySet<string> = new Set([
  'pers',
  'pers.',
  'person',
  'personer',
  'deltagare',
  'deltagande',
  'deltog',
]);
export const HOUR_UNITS: ReadonlySet<string> = new Set(['h', 'tim', 'timme', 'timmar', 't']);
export const MINUTE_UNITS: ReadonlySet<string> = new Set(['min', 'minuter', 'm']);

/** True when the folded word says what a number before it counts ("st", "pers", "h"). */
export function isUnitWord(folded: string): boolean {
  return COUNT_UNITS.has(folded) || PARTICIPANT_UNITS.has(folded) || HOUR_UNITS.has(folded) || MINUTE_UNITS.has(folded);
}
