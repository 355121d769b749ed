// Swedish words for domain values: progress, counts, dates. The status words (i fas, långt efter …)
// are in statusWords.ts, so the cards, the confirmations, the follow-up and the public page all say
// the same thing.
import type { Activity, Agreement } from '../domain/agreement.js';
import { formatSwedishDate } from '../domain/calendar.js';
import type { Entry } from '../domain/entry.js';
import type { Progress } from '../domain/status.js';
import { statusWord } from './statusWords.js';

const RHYTHM_UNIT = { weekly: 'veckor', weekendNights: 'helger', monthly: 'månader' } as const;

export function progressText(progress: Progress): string {
  switch (progress.kind) {
    case 'count':
      return progressFigure(progress);
    case 'recurring':
      // Says what it counts: the periods with at least one entry, of those begun so far.
      return `aktiv ${progressFigure(progress)}${progress.soFar ? ' hittills' : ''}`;
    case 'milestone':
      // A milestone's states are status words themselves (and said once: see saysStatus).
      if (progress.state === 'done')
        return progress.doneDate ? `${statusWord('done')} ${formatSwedishDate(progress.doneDate)}` : statusWord('done');
      return progress.state === 'inProgress' ? 'pågående' : statusWord('notStarted');
    case 'ongoing':
      return progress.done === 1 ? '1 insats loggad' : `${progress.done} insatser loggade`;
  }
}

/**
 * The bare figure, "2 av 4 tillfällen" or "17 av 18 veckor", where a heading or a caption already
 * says what is counted (the follow-up's chart: "andelen av målet hittills").
 */
export function progressFigure(progress: Extract<Progress, { kind: 'count' | 'recurring' }>): string {
  return progress.kind === 'count'
    ? `${progress.done} av ${progress.target} ${progress.unit}`
    : `${progress.covered} av ${progress.due} ${RHYTHM_UNIT[progress.rhythm]}`;
}

export function periodText(agreement: Agreement): string {
  return `${formatSwedishDate(agreement.period.start)} – ${formatSwedishDate(agreement.period.end)}`;
}

export function countText(count: number, activity: Activity): string {
  if (activity.target.kind === 'count') {
    const unit = activity.target.unit;
    return count === 1 ? `1 ${singular(unit)}` : `${count} ${unit}`;
  }
  return count === 1 ? '1 gång' : `${count} gånger`;
}

function singular(unit: string): string {
  const known: Record<string, string> = { tillfällen: 'tillfälle', ärenden: 'ärende', gånger: 'gång', möten: 'möte' };
  return known[unit] ?? unit;
}

export function hoursText(hours: number): string {
  const shown = String(hours).replace('.', ',');
  return hours === 1 ? '1 timme' : `${shown} timmar`;
}

/** "Gemensam krogtillsyn, 14 mars 2020, Öxnehaga, 1 tillfälle, 2 timmar" */
export function entryLine(entry: Entry, activity: Activity | undefined): string {
  const parts = [activity?.name ?? entry.activityId, formatSwedishDate(entry.date)];
  if (entry.place) parts.push(entry.place);
  // "1 gång" says nothing for a patrol; a count target always shows its unit ("1 tillfälle").
  if (entry.count > 1 || activity?.target.kind === 'count')
    parts.push(activity ? countText(entry.count, activity) : `${entry.count}`);
  if (entry.hours !== undefined) parts.push(hoursText(entry.hours));
  if (entry.participants !== undefined) parts.push(participantsText(entry.participants));
  return parts.join(', ');
}

/** "811218-9876" → "811218-****": enough to recognise what was refused, not enough to store. */
/**
 * A note as a card shows it: each line break doubled, because Teams' TextBlock (and a FactSet
 * value) draws a single "\n" as a space and starts a new line only at "\n\n".
 */
export function noteForCard(note: string): string {
  return note.replace(/\r\n?|\n/gu, '\n').replace(/\n+/gu, '\n\n');
}

export function maskIdentityNumber(match: string): string {
  return match.replace(/(\d{4})$/u, '****');
}

/** "8–14 mars 2020", "28 februari – 5 mars 2020", "28 december 2019 – 3 januari 2020". */
export function dateRangeText(start: string, end: string): string {
  if (start === end) return formatSwedishDate(start);
  const [sd = '', sm = '', sy = ''] = formatSwedishDate(start).split(' ');
  const e = formatSwedishDate(end);
  const [, em = '', ey = ''] = e.split(' ');
  if (sy === ey && sm === em) return `${sd}–${e}`;
  if (sy === ey) return `${sd} ${sm} – ${e}`;
  return `${formatSwedishDate(start)} – ${e}`;
}

/** "+3", "−2" (a real minus sign), "±0". */
export function signedText(n: number): string {
  if (n > 0) return `+${n}`;
  if (n < 0) return `−${-n}`;
  return '±0';
}

/** "1 deltagare", "12 deltagare" (the word is the same in the plural). */
export function participantsText(n: number): string {
  return `${n} deltagare`;
}

export function peopleText(n: number): string {
  return n === 1 ? '1 person' : `${n} personer`;
}

export function entriesText(n: number): string {
  return n === 1 ? '1 insats' : `${n} insatser`;
}

/** "Löfte 1: Identifiera och arbeta förebyggande på otrygga platser i Jönköpings kommun" */
export function promiseHeading(promise: { text: string }, number: number): string {
  return `Löfte ${number}: ${promise.text}`;
}
