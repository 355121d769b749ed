// Swedish words for the follow-up, shared by the card, the PDF, the web page and the CLI so they
// all say the same thing.
import type { Activity } from '../domain/agreement.js';
import { SWEDISH_MONTHS, formatSwedishDate } from '../domain/calendar.js';
import type { ActivityFollowUp, FollowUp } from '../domain/followUp.js';
import { progressShare } from './progressBar.js';
import { STATUS_ORDER, statusCountText, statusWord } from './statusWords.js';
import { countText, participantsText, progressFigure, progressText } from './texts.js';

/** The current tertial's bars in the month chart (a graphic beside its figures, ≥ 3:1 on white, WCAG 2.1 1.4.11). */
export const MONTH_HIGHLIGHT_RGB = '#1565c0';

/** "Uppföljning av medborgarlöfte för Jönköpings kommun, tertial 1 2020": the published title. */
export function followUpTitle(f: FollowUp): string {
  return `Uppföljning av medborgarlöfte för ${f.agreement.municipality}, tertial ${f.ref.tertial} ${f.ref.year}`;
}

/** "1 januari – 30 april 2020" */
export function rangeText(range: { start: string; end: string }): string {
  const start = formatSwedishDate(range.start);
  const end = formatSwedishDate(range.end);
  return range.start.slice(0, 4) === range.end.slice(0, 4)
    ? `${start.replace(/ \d+$/u, '')} – ${end}`
    : `${start} – ${end}`;
}

export function partiesText(parties: readonly string[]): string {
  if (parties.length <= 1) return parties.join('');
  return `${parties.slice(0, -1).join(', ')} och ${parties.at(-1) ?? ''}`;
}

/** "Tertialen är avslutad." or what a running tertial's figures cover. */
export function phaseText(f: FollowUp): string {
  return f.finished
    ? `Tertialen är avslutad. Siffrorna gäller till och med ${formatSwedishDate(f.asOf)}.`
    : `Tertialen pågår: siffrorna gäller till och med ${formatSwedishDate(f.asOf)}.`;
}

/** "1 genomförd · 5 i fas · 2 något efter · 3 inte påbörjade · 27 insatser av 3 personer under tertialen" */
export function summaryText(f: FollowUp): string {
  const parts = STATUS_ORDER.filter((s) => f.totals.byState[s] > 0).map((s) => statusCountText(s, f.totals.byState[s]));
  const people = f.totals.contributors === 1 ? '1 person' : `${f.totals.contributors} personer`;
  const entries = f.totals.entries === 1 ? '1 insats' : `${f.totals.entries} insatser`;
  return `${parts.join(' · ')} · ${entries} av ${people} under tertialen`;
}

/** What the agreement asks for, in words. */
export function targetText(activity: Activity): string {
  const t = activity.target;
  switch (t.kind) {
    case 'count':
      return `Minst ${t.count} ${t.count === 1 ? countText(1, activity).replace(/^1 /u, '') : t.unit} under perioden`;
    case 'recurring':
      return {
        weekly: 'Varje vecka',
        weekendNights: 'Varje helg (natthelger)',
        monthly: 'Kontinuerligt, minst en gång i månaden',
      }[t.rhythm];
    case 'milestone':
      return 'Genomförs en gång';
    case 'ongoing':
      return 'Löpande arbete utan mätbart mål';
  }
}

/** "2 tillfällen under tertialen" and "2 av 4 tillfällen hittills" (undefined where there is no "so far"). */
function outcomeParts(a: ActivityFollowUp): { inTertial: string; soFar: string | undefined } {
  const n = a.tertial.count;
  const amount =
    a.activity.target.kind === 'count' || a.activity.target.kind === 'recurring'
      ? countText(n, a.activity)
      : n === 1
        ? '1 insats'
        : `${n} insatser`;
  const people = a.tertial.participants > 0 ? ` (${participantsText(a.tertial.participants)})` : '';
  const inTertial = a.tertial.entries === 0 ? 'inget loggat under tertialen' : `${amount}${people} under tertialen`;
  const p = a.progress;
  const soFar =
    p.kind === 'milestone'
      ? p.state === 'done'
        ? progressText(p)
        : undefined
      : p.kind === 'recurring'
        ? progressText(p)
        : `${progressText(p)} hittills`;
  return { inTertial, soFar };
}

/** "2 tillfällen under tertialen · 2 av 4 tillfällen hittills" */
export function outcomeText(a: ActivityFollowUp): string {
  const { inTertial, soFar } = outcomeParts(a);
  return soFar ? `${capitalise(inTertial)} · ${soFar}` : capitalise(inTertial);
}

/**
 * The comment a coordinator starts from: neutral sentences built from the figures and the places
 * only, never from notes, e.g. "2 tillfällen under tertialen, i krogmiljön och Öxnehaga. 2 av 4
 * tillfällen hittills."
 */
export function neutralComment(a: ActivityFollowUp): string {
  const { inTertial, soFar } = outcomeParts(a);
  const names = a.places.slice(0, 4).map((p) => p.place);
  const more = a.places.length > 4 ? ` och ${a.places.length - 4} platser till` : '';
  const places =
    names.length === 0
      ? ''
      : `, i ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')}${more ? ', ' : ' och '}${names.at(-1)}`}${more}`;
  return [`${capitalise(inTertial)}${places}.`, soFar ? `${capitalise(soFar)}.` : ''].filter(Boolean).join(' ');
}

export function monthAbbreviation(month: string): string {
  return (SWEDISH_MONTHS[Number(month.slice(5, 7)) - 1] ?? '').slice(0, 3);
}

/**
 * The share of the target reached, for the document's bars: the same measure as the cards' bars,
 * and open-ended work (which the cards leave without a bar) by its follow-up state.
 */
export function followUpShare(a: ActivityFollowUp): number {
  return progressShare(a.progress) ?? (a.state === 'done' ? 1 : a.state === 'notStarted' ? 0 : 0.5);
}

/**
 * The figure beside a bar, short enough for its column: "2 av 4 tillfällen", "17 av 18 veckor"
 * (the chart's caption says it is the share so far), "pågående", "i fas".
 */
export function shareText(a: ActivityFollowUp): string {
  const p = a.progress;
  if (p.kind === 'count' || p.kind === 'recurring') return progressFigure(p);
  if (p.kind === 'milestone') return progressText(p);
  return statusWord(a.state);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Said wherever a published tertial's log has changed since (the published version stays). */
export const changedAfterPublicationText =
  'Ändrad efter publicering: loggen har ändrats sedan dess. Den publicerade versionen gäller tills en samordnare publicerar igen.';
