// Swedish words for /möte and the agenda card posted an hour before the meeting.
import { formatSwedishDate, isoWeekday, SWEDISH_WEEKDAYS } from '../domain/calendar.js';
import type { Schedule } from '../domain/schedule.js';
import type { ActivityStatus } from '../domain/status.js';
import { expandCard, type AdaptiveCard } from './cards.js';
import type { Catalogue } from './catalogue.js';
import { instantText, scheduleText } from './scheduleTexts.js';
import { statusCardColor, statusMark, statusWord } from './statusWords.js';
import { progressText } from './texts.js';

const MEETING_USAGE =
  'Skriv /möte <veckodag> <HH:MM> <aktivitet> i mötets gruppchatt eller kanal, t.ex. /möte torsdag 13:00 torsdagsmöte. /möte av avslutar det.';

/** The outcomes of /möte and the agenda card's Logga mötet. */
export type MeetingOutcome =
  | { code: 'meeting.set'; activity: string; schedule: Schedule; agendaAt: Date }
  | { code: 'meeting.shown'; activity: string; schedule: Schedule }
  | { code: 'meeting.none' }
  | { code: 'meeting.ended'; activity: string }
  | { code: 'meeting.personal' }
  | { code: 'meeting.usage'; word?: string }
  | { code: 'meeting.badTime'; word: string }
  | { code: 'meeting.noActivity'; typed: string }
  | { code: 'meeting.severalActivities'; typed: string; names: readonly string[] }
  | { code: 'meeting.noAgreement' }
  /** The conversation gave no reference to post the agenda card with later. */
  | { code: 'meeting.cannotPost' }
  /** Logga mötet from a card whose meeting is gone, or in another area. */
  | { code: 'meeting.notFound' }
  /** Logga mötet on a date whose agreement has no such activity. */
  | { code: 'meeting.activityGone' };

/** The sentence for each outcome of /möte and Logga mötet. */
export const meetingTexts: Catalogue<MeetingOutcome> = {
  'meeting.set': (o) =>
    `✅ Mötet är ${o.activity}, ${scheduleText(o.schedule)}. En timme före lägger jag ut en dagordning här (nästa ${instantText(o.agendaAt)}) med det som ligger efter och det som loggats sedan förra mötet, och knappen Logga mötet.`,
  'meeting.shown': (o) => `Mötet här är ${o.activity}, ${scheduleText(o.schedule)}. /möte av avslutar det.`,
  'meeting.none': () => `Här finns inget möte än. ${MEETING_USAGE}`,
  'meeting.ended': (o) => `✅ Mötet ${o.activity} är avslutat: inga fler dagordningar här.`,
  'meeting.personal': () => `Ett möte hör till en gruppchatt eller kanal. ${MEETING_USAGE}`,
  'meeting.usage': (o) => `${o.word ? `Jag förstod inte "${o.word}". ` : ''}${MEETING_USAGE} Inget har ändrats.`,
  'meeting.badTime': (o) => `Tiden "${o.word}" finns inte; skriv den som TT:MM. Inget har ändrats.`,
  'meeting.noActivity': (o) => `Jag hittar ingen aktivitet "${o.typed}". Inget har ändrats.`,
  'meeting.severalActivities': (o) =>
    `"${o.typed}" passar flera aktiviteter: ${o.names.join(', ')}. Skriv fler ord ur namnet. Inget har ändrats.`,
  'meeting.noAgreement': () => 'Det finns inget medborgarlöfte som gäller idag. Inget har ändrats.',
  'meeting.cannotPost': () => 'Jag kan inte skriva i den här konversationen senare, så mötet har inte sparats.',
  'meeting.notFound': () => 'Jag hittar inte det mötet. Logga med /logga i stället.',
  'meeting.activityGone': () => 'Mötets aktivitet finns inte i medborgarlöftet för den dagen. Inget har sparats.',
};

export interface AgendaInput {
  meetingId: string;
  date: string;
  activityName: string;
  behind: readonly { status: ActivityStatus; responsible: readonly { name: string; id?: string | undefined }[] }[];
  /** What was logged since the last meeting, by activity: its name and how many occasions. */
  logged: readonly { name: string; occasions: number }[];
  since: string;
}

function heading(date: string): string {
  return `Inför mötet ${SWEDISH_WEEKDAYS[isoWeekday(date) - 1] ?? ''} ${formatSwedishDate(date).replace(/ \d{4}$/u, '')}`;
}

/** The agenda card: behind plan with who is responsible (@mentioned), what was logged since the last meeting, Logga mötet. */
export function agendaCard(input: AgendaInput): AdaptiveCard {
  const mentions: { type: 'mention'; text: string; mentioned: { id: string; name: string } }[] = [];
  const who = (people: AgendaInput['behind'][number]['responsible']) =>
    people
      .map((p) => {
        if (!p.id) return p.name;
        const text = `<at>${p.name}</at>`;
        if (!mentions.some((m) => m.mentioned.id === p.id))
          mentions.push({ type: 'mention', text, mentioned: { id: p.id, name: p.name } });
        return text;
      })
      .join(', ');
  const behind = input.behind.map((b) => ({
    mark: statusMark(b.status.status),
    text: `${b.status.activity.name}: ${progressText(b.status.progress)}, ${statusWord(b.status.status)}${b.responsible.length > 0 ? ` – ${who(b.responsible)}` : ''}`,
    color: statusCardColor(b.status.status),
  }));
  return expandCard('agenda', {
    title: heading(input.date),
    activity: input.activityName,
    behindHeading: input.behind.length > 0 ? `Efter plan (${input.behind.length})` : 'Inget ligger efter plan.',
    behind,
    loggedHeading:
      input.logged.length > 0
        ? `Loggat sedan ${formatSwedishDate(input.since)}`
        : `Inget loggat sedan ${formatSwedishDate(input.since)}.`,
    logged: input.logged.map((l) => ({
      text: `${l.name}: ${l.occasions} ${l.occasions === 1 ? 'tillfälle' : 'tillfällen'}`,
    })),
    submit: { verb: 'meeting.log', meetingId: input.meetingId, date: input.date },
    mentions,
  });
}

/** The agenda card's plain-text fallback: the heading and what is behind plan. */
export function agendaText(input: AgendaInput): string {
  const behind = input.behind.map((b) => b.status.activity.name).join(', ');
  return `${heading(input.date)}: ${behind ? `efter plan: ${behind}` : 'inget ligger efter plan'}.`;
}
