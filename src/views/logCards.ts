import type { Activity, Agreement, IsoDate } from '../domain/agreement.js';
import { MAX_COUNT, MAX_NOTE_LENGTH, MAX_PARTICIPANTS } from '../domain/logRequest.js';
import { whyNotCounted } from '../domain/counting.js';
import { fold } from '../domain/text.js';
import { expandCard, type AdaptiveCard } from './cards.js';
import { notCountedCandidateText } from './noteGuardCards.js';
import { hoursText, participantsText } from './texts.js';

/** What a click on the ambiguity card sends back: everything needed to log without asking again. */
export interface ChoiceSubmit {
  verb: 'log.choose';
  requestId: string;
  agreementId: string;
  activityId: string;
  date: IsoDate;
  place?: string;
  count: number;
  hours?: number;
  participants?: number;
  note?: string;
  /** The entry a click changes instead of logging a new one (a question about an edited message). */
  entryId?: string;
  /** The typed message the question answers: its writer's click logs as that message. */
  messageId?: string;
  /** Who asked (Entra object id, and display name for the answer to anyone else's click). */
  writer?: string;
  writerName?: string;
  /** The writer was asked about a name in the note and chose "Spara ändå": not asked again. */
  noteChecked?: boolean;
  /** The answer to "Var du med där?": join this occasion (its id) … */
  occasionId?: string;
  /** … or log a separate one (also "Logga igen": one's own repeat is another occasion). */
  newOccasion?: boolean;
}

export interface ChooseActivityCardData {
  /** "Vilken aktivitet menar du?", "Vilken dag menar du?" */
  title: string;
  question: string;
  details: string;
  candidates: { name: string; text: string; buttonTitle: string; submit: ChoiceSubmit }[];
  /** Candidates left off the card, said in words: "…och 3 till". */
  more: string;
}

/** Candidates shown on the ambiguity card; more than this is a question to ask again, not a list. */
const MAX_CANDIDATES = 6;

export function chooseActivityCard(data: ChooseActivityCardData): AdaptiveCard {
  return expandCard('choose-activity', data);
}

export function candidatesFor(
  activities: readonly Activity[],
  base: Omit<ChoiceSubmit, 'activityId' | 'verb'>,
): ChooseActivityCardData['candidates'] {
  return activities.slice(0, MAX_CANDIDATES).map((activity) => {
    const why = whyNotCounted(activity, base.date);
    return {
      name: activity.name,
      // A candidate that would not count the day says so before it is chosen.
      text: why ? `${notCountedCandidateText(base.date, why)} ${activity.text}` : activity.text,
      // The name stands right above; a short title fits a phone's width.
      buttonTitle: base.entryId ? 'Ändra till den här' : 'Logga den här',
      submit: { verb: 'log.choose', ...base, activityId: activity.id },
    };
  });
}

/** The activity's name, with a warning when it would not count the day ("förra veckan" for weekend nights). */
function noteIfNotCounted(activity: Activity, date: IsoDate): string {
  const why = whyNotCounted(activity, date);
  return why ? `${activity.name} ${notCountedCandidateText(date, why)}` : activity.name;
}

/** One button per candidate day ("fredag 29 maj 2020"), each logging the same activity on that day. */
export function dayCandidatesFor(
  days: readonly { date: IsoDate; label: string; agreementId: string }[],
  activity: Activity,
  base: Omit<ChoiceSubmit, 'activityId' | 'verb' | 'date' | 'agreementId'>,
): ChooseActivityCardData['candidates'] {
  return days.slice(0, 7).map((day) => ({
    name: day.label,
    text: noteIfNotCounted(activity, day.date),
    buttonTitle: base.entryId ? 'Ändra till den här dagen' : 'Logga den här dagen',
    submit: { verb: 'log.choose', ...base, agreementId: day.agreementId, activityId: activity.id, date: day.date },
  }));
}

/** What a question card repeats of the message: "31 maj 2020 · Öxnehaga · 2 st · 2 timmar · 6 deltagare". */
export function detailsText(
  first: string,
  request: { place?: string; hours?: number; participants?: number },
  count: number,
): string {
  return [
    first,
    request.place,
    count > 1 ? `${count} st` : undefined,
    request.hours !== undefined ? hoursText(request.hours) : undefined,
    request.participants !== undefined ? participantsText(request.participants) : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

export function moreCandidatesText(activities: readonly Activity[]): string {
  const left = activities.length - MAX_CANDIDATES;
  return left > 0
    ? `…och ${left} till: ${activities
        .slice(MAX_CANDIDATES)
        .map((a) => a.name)
        .join(
          ', ',
        )}. Skriv fler ord, t.ex. /logga ${activities[MAX_CANDIDATES]?.keywords[0] ?? ''}, för att välja någon av dem.`
    : '';
}

/** What the log form sends: the submit data merged with the inputs (inputs arrive as strings). */
export interface LogFormCardData {
  /** "Logga en insats", or "Ändra insats" when an entry is being changed. */
  heading: string;
  submitTitle: string;
  /** The entry being changed (Ändra in /mina); '' for a new one. */
  entryId: string;
  agreementTitle: string;
  error: string;
  activityId: string;
  /** "Löfte 1 · Gemensam krogtillsyn": grouped by promise, in the agreement's order. */
  choices: { title: string; value: string }[];
  /** The legend for the groups: "Löfte 1" → the promise's text. */
  promises: { title: string; value: string }[];
  date: IsoDate;
  minDate: IsoDate;
  today: IsoDate;
  places: { title: string; value: string }[];
  place: string;
  otherPlace: string;
  count: number;
  maxCount: number;
  countError: string;
  /** '' when none: the inputs stay empty. Hours as typed or with a decimal comma ("1,5"). */
  participants: number | '';
  maxParticipants: number;
  participantsError: string;
  hours: string;
  note: string;
  maxNote: number;
  formId: string;
}

export interface LogFormPrefill {
  activityId?: string;
  /** '' leaves the date empty (one the card sent could not be read), so today is never assumed. */
  date?: IsoDate;
  place?: string;
  count?: number;
  participants?: number;
  /** A number, or the text typed when it could not be read (shown back next to the error). */
  hours?: number | string;
  note?: string;
  error?: string;
  /** The entry the form changes (Ändra); without it the form logs a new one. */
  entryId?: string;
}

/** More places than this go in "Annan plats": a choice list is for picking, not for reading. */
const MAX_PLACE_CHOICES = 40;

export function logFormCardData(
  agreement: Agreement,
  today: IsoDate,
  formId: string,
  prefill: LogFormPrefill = {},
): LogFormCardData {
  const numbers = new Map(agreement.promises.map((p, i) => [p.id, i + 1]));
  // Grouped by the first promise an activity serves; one serving two says so ("Löfte 1, 2").
  const choices = agreement.promises.flatMap((promise) =>
    agreement.activities
      .filter((a) => a.promiseIds[0] === promise.id)
      .map((a) => ({
        title: `Löfte ${a.promiseIds.map((id) => numbers.get(id)).join(', ')} · ${a.name}`,
        value: a.id,
      })),
  );
  const chosen = agreement.activities.find((a) => a.id === prefill.activityId);
  // The chosen activity's places first, then every other place of the agreement.
  const places = uniqueFolded([...(chosen?.places ?? []), ...agreement.activities.flatMap((a) => a.places)]).slice(
    0,
    MAX_PLACE_CHOICES,
  );
  const listed = prefill.place ? places.find((p) => fold(p) === fold(prefill.place ?? '')) : undefined;
  return {
    agreementTitle: agreement.title,
    error: prefill.error ?? '',
    activityId: chosen ? chosen.id : '',
    choices,
    // A no-break space keeps "Löfte 1" on one line in a narrow fact title column.
    promises: agreement.promises.map((p, i) => ({ title: `Löfte\u00a0${i + 1}`, value: p.text })),
    date: prefill.date ?? (today < agreement.period.end ? today : agreement.period.end),
    minDate: agreement.period.start,
    today,
    places: places.map((p) => ({ title: p, value: p })),
    place: listed ?? '',
    otherPlace: prefill.place && !listed ? prefill.place : '',
    count: prefill.count ?? 1,
    maxCount: MAX_COUNT,
    countError: `Skriv ett antal från 1 till ${MAX_COUNT}.`,
    participants: prefill.participants ?? '',
    maxParticipants: MAX_PARTICIPANTS,
    participantsError: `Skriv ett antal deltagare från 1 till ${MAX_PARTICIPANTS}, eller lämna fältet tomt.`,
    hours: typeof prefill.hours === 'number' ? String(prefill.hours).replace('.', ',') : (prefill.hours ?? ''),
    note: prefill.note ?? '',
    maxNote: MAX_NOTE_LENGTH,
    formId,
    heading: prefill.entryId ? 'Ändra insats' : 'Logga en insats',
    submitTitle: prefill.entryId ? 'Spara ändringen' : 'Logga',
    entryId: prefill.entryId ?? '',
  };
}

function uniqueFolded(values: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const v of values) if (!seen.has(fold(v))) seen.set(fold(v), v);
  return [...seen.values()];
}

export function logFormCard(data: LogFormCardData): AdaptiveCard {
  return expandCard('log-form', data);
}
