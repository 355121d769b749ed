// /historik as text: one line per change, newest first, with who, when and from where.
import type { AuditAction, AuditVia, HistoryEvent } from '../domain/audit.js';
import { formatSwedishDate, isValidIsoDate, stockholmDate } from '../domain/calendar.js';
import { ENTRY_FIELD_ORDER } from '../domain/entry.js';
import type { Catalogue } from './catalogue.js';
import type { Page } from './paging.js';
import { stockholmTimeOfDay } from './scheduleTexts.js';

const VIA: Readonly<Record<AuditVia, string>> = {
  chat: 'i chatten',
  card: 'med ett kort',
  cli: 'från kommandoraden',
  system: 'automatiskt',
};

const FIELD: Readonly<Record<string, string>> = {
  date: 'datum',
  count: 'antal',
  hours: 'timmar',
  place: 'plats',
  participants: 'deltagare',
  note: 'anteckning',
  activityId: 'aktivitet',
  occasionId: 'tillfälle',
  weekday: 'veckodag',
  time: 'tid',
};

const SUBSCRIPTION: Partial<Record<AuditAction, string>> = {
  'subscription.created': 'startade veckosammanfattningen',
  'subscription.changed': 'ändrade tiden för veckosammanfattningen',
  'subscription.resumed': 'startade veckosammanfattningen igen',
  'subscription.ended': 'avslutade veckosammanfattningen',
  'subscription.paused': 'pausade veckosammanfattningen',
};

/** Why a subscription changed by itself: the bot removed, or what Teams said about the channel or team. */
const SUBSCRIPTION_DETAIL: Readonly<Record<string, string>> = {
  uninstalled: 'boten togs bort',
  channelDeleted: 'kanalen togs bort i Teams',
  channelRestored: 'kanalen återställdes i Teams',
  teamDeleted: 'teamet togs bort i Teams',
  teamRestored: 'teamet återställdes i Teams',
  teamArchived: 'teamet arkiverades i Teams',
  teamUnarchived: 'teamet återställdes från arkivet i Teams',
};

/** What a Teams event did to a meeting in the channel (its reason is said as for a subscription). */
const MEETING_TEAMS_EVENT: Readonly<Record<string, string>> = {
  channelDeleted: 'avslutade mötet',
  teamDeleted: 'avslutade mötet',
  teamArchived: 'pausade mötet',
  channelRestored: 'startade mötet igen',
  teamRestored: 'startade mötet igen',
  teamUnarchived: 'startade mötet igen',
};

export interface HistoryNames {
  /** The activity's name, when the event names one the store knows. */
  activity(agreementId: string | undefined, activityId: string | undefined): string | undefined;
  /** A count in the activity's unit ("2 tillfällen", "1 ärende"); "2 st" when the activity is unknown. */
  count(agreementId: string | undefined, activityId: string | undefined, count: number): string;
}

function entryText(event: HistoryEvent, names: HistoryNames): string {
  const logged = typeof event.changes?.date?.to === 'string' ? event.changes.date.to : undefined;
  const loggedCount = typeof event.changes?.count?.to === 'number' ? event.changes.count.to : undefined;
  // A log says what was logged then; other events name the entry as it stands now.
  const date = event.action === 'entry.logged' ? (logged ?? event.entry?.date) : (event.entry?.date ?? logged);
  const count =
    event.action === 'entry.logged' ? (loggedCount ?? event.entry?.count) : (event.entry?.count ?? loggedCount);
  const parts = [
    date ? formatSwedishDate(date) : undefined,
    count !== undefined ? names.count(event.agreementId, event.activityId, count) : undefined,
  ];
  return parts.filter((p) => p !== undefined).join(', ');
}

/** One changed field's value as a reader would write it: a Swedish date, a count in its unit, "1,5". */
function changeValue(event: HistoryEvent, names: HistoryNames, field: string, value: unknown, unit: boolean): string {
  if (value === undefined || value === null || value === '') return '–';
  if (field === 'date' && typeof value === 'string' && isValidIsoDate(value)) return formatSwedishDate(value);
  if (field === 'count' && typeof value === 'number' && unit)
    return names.count(event.agreementId, event.activityId, value);
  if (field === 'hours' && typeof value === 'number') return String(value).replace('.', ',');
  if (field === 'activityId' && typeof value === 'string') return names.activity(event.agreementId, value) ?? value;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** "antal 3 → 2 tillfällen; anteckning ändrad": the fields an edit changed. */
function changesText(event: HistoryEvent, names: HistoryNames): string {
  // In the domain's order, not the record's: a store need not keep an object's key order.
  const rank = (field: string) => {
    const i = (ENTRY_FIELD_ORDER as readonly string[]).indexOf(field);
    return i === -1 ? ENTRY_FIELD_ORDER.length : i;
  };
  return Object.entries(event.changes ?? {})
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([field, c]) => {
      const name = FIELD[field] ?? field;
      // A note's text is never in the audit record: only that it changed.
      if (field === 'note' || (c.from === undefined && c.to === undefined)) return `${name} ändrad`;
      return `${name} ${changeValue(event, names, field, c.from, false)} → ${changeValue(event, names, field, c.to, true)}`;
    })
    .join('; ');
}

/** ", i Öxnehaga, 1,5 timmar, 5 deltagare": what a log's record holds beyond date and count. */
function loggedDetails(event: HistoryEvent): string {
  const to = (field: string): unknown => event.changes?.[field]?.to;
  const place = to('place');
  const hours = to('hours');
  const participants = to('participants');
  // Set only when the entry joined an occasion someone else had logged (recordEntry).
  const joined = typeof to('occasionId') === 'string';
  const parts = [
    typeof place === 'string' && place !== '' ? `i ${place}` : undefined,
    typeof hours === 'number' ? `${String(hours).replace('.', ',')} ${hours === 1 ? 'timme' : 'timmar'}` : undefined,
    typeof participants === 'number' ? `${participants} deltagare` : undefined,
    joined ? 'samma tillfälle som en tidigare loggning (räknas en gång)' : undefined,
  ];
  return parts
    .filter((p) => p !== undefined)
    .map((p) => `, ${p}`)
    .join('');
}

/** What happened, in a few words ("loggade 14 mars 2020, 1 st"). */
function actionText(event: HistoryEvent, names: HistoryNames, withActivity: boolean): string {
  const activity = withActivity ? names.activity(event.agreementId, event.activityId) : undefined;
  const of = activity ? ` (${activity})` : '';
  const subscription = SUBSCRIPTION[event.action];
  if (subscription) {
    const name = event.changes?.name;
    if (event.detail === 'channelRenamed' && name)
      return `veckosammanfattningen följde kanalens nya namn (${name.from ?? '–'} → ${name.to ?? '–'})`;
    const why = SUBSCRIPTION_DETAIL[event.detail ?? ''];
    return `${subscription}${why ? ` (${why})` : ''}`;
  }
  switch (event.action) {
    case 'entry.logged':
      return `loggade ${entryText(event, names)}${loggedDetails(event)}${of}`;
    case 'entry.edited': {
      // What changed comes last, after where it was done (historyLine), so the list ends the line.
      const how = event.detail === 'meddelandet redigerat' ? ' genom att redigera sitt meddelande' : '';
      return `ändrade insatsen ${entryText(event, names)}${of}${how}`;
    }
    case 'entry.undone':
      return `ångrade insatsen ${entryText(event, names)}${of}`;
    case 'entry.removed':
      return `tog bort insatsen ${entryText(event, names)}${of}${event.detail === 'meddelandet borttaget' ? ' genom att ta bort sitt meddelande' : ''}`;
    case 'entry.restored':
      return `behöll insatsen ${entryText(event, names)}${of} efter att meddelandet togs bort`;
    case 'note.cleared':
      return `rensade anteckningen på insatsen ${entryText(event, names)}${of}`;
    case 'milestone.done':
      return `markerade${activity ? ` ${activity}` : ' aktiviteten'} som genomförd${typeof event.changes?.date?.to === 'string' ? ` ${formatSwedishDate(event.changes.date.to)}` : ''}`;
    case 'agreement.created':
      return `skapade medborgarlöftet ${event.agreementId ?? ''}`.trim();
    case 'agreement.imported':
      return `importerade medborgarlöftet ${event.agreementId ?? ''}`.trim();
    case 'agreement.changed':
      return agreementChangeText(event, names);
    case 'publication.published':
      return `publicerade uppföljningen${event.detail ? ` ${event.detail}` : ''}`;
    case 'binding.changed':
      return `ändrade vilket område ${event.detail?.startsWith('team') ? 'teamet' : 'konversationen'} hör till`;
    case 'area.changed':
    case 'coordinators.changed':
    case 'responsible.changed':
      return areaChangeText(event);
    case 'reminders.changed':
      return event.detail?.startsWith('reminderTimeSet')
        ? areaChangeText(event)
        : `ändrade sina påminnelser${event.detail ? ` (${REMINDER_CHANGE[event.detail] ?? event.detail})` : ''}`;
    case 'meeting.changed': {
      if (event.detail === 'ended') return 'avslutade mötet';
      const name = event.changes?.name;
      if (event.detail === 'channelRenamed' && name)
        return `mötet följde kanalens nya namn (${name.from ?? '–'} → ${name.to ?? '–'})`;
      const teams = MEETING_TEAMS_EVENT[event.detail ?? ''];
      if (teams) return `${teams} (${SUBSCRIPTION_DETAIL[event.detail ?? '']})`;
      return `satte mötets tid${event.detail ? ` (${event.detail})` : ''}`;
    }
    case 'person.erased':
      return 'raderade en persons namn och id (dataskydd)';
    case 'store.restored':
      return `återställde lagringen från en säkerhetskopia${event.detail ? ` (${event.detail})` : ''}`;
    default:
      // Every action has its words above; one from a newer version is still said in Swedish.
      return 'gjorde en ändring';
  }
}

const AGREEMENT_FIELD: Readonly<Record<string, string>> = {
  title: 'titel',
  period: 'period',
  policeArea: 'lokalpolisområde',
  name: 'namn',
  parties: 'parter',
  places: 'platser',
  target: 'mål',
  keywords: 'nyckelord',
  promises: 'löfte',
};

const RHYTHM: Readonly<Record<string, string>> = {
  weekly: 'varje vecka',
  monthly: 'varje månad',
  weekendNights: 'natthelger',
  milestone: 'engångsinsats',
  ongoing: 'löpande arbete',
};

/** A value of an agreement change (see agreementChanges in the domain) as a reader writes it. */
function agreementValue(field: string, value: string | number | null | undefined): string {
  if (value === undefined || value === null || value === '') return '–';
  const text = String(value);
  if (field === 'period')
    return text
      .split(' – ')
      .map((d) => (isValidIsoDate(d) ? formatSwedishDate(d) : d))
      .join(' – ');
  if (field === 'target') return /^count \d+ /u.test(text) ? text.slice('count '.length) : (RHYTHM[text] ?? text);
  const short = text.length > 80 ? `${text.slice(0, 80)}…` : text;
  return field === 'promises' || field.startsWith('promise:') || field === 'title' ? `"${short}"` : short;
}

/**
 * A change to a saved agreement (/medborgarlöfte ändra): its own fields ("ändrade medborgarlöftet
 * jonkoping-2020: period 1 januari 2020 – 31 december 2020 → …"), or one activity's
 * ("ändrade aktiviteten Krogtillsyn: namn Krogtillsyn → Krogkontroll"), added or removed.
 */
function agreementChangeText(event: HistoryEvent, names: HistoryNames): string {
  const changes = event.changes ?? {};
  if (event.activityId !== undefined) {
    if (changes['removed']) return `tog bort aktiviteten ${agreementValue('name', changes['removed'].from)}`;
    if (changes['added']) return `lade till aktiviteten ${agreementValue('name', changes['added'].to)}`;
    const name =
      (typeof changes['name']?.from === 'string' ? changes['name'].from : undefined) ??
      names.activity(event.agreementId, event.activityId) ??
      event.activityId;
    const list = Object.entries(changes)
      .map(
        ([field, c]) =>
          `${AGREEMENT_FIELD[field] ?? field} ${agreementValue(field, c.from)} → ${agreementValue(field, c.to)}`,
      )
      .join('; ');
    return `ändrade aktiviteten ${name}: ${list}`;
  }
  const list = Object.entries(changes)
    .map(([field, c]) => {
      if (field.startsWith('promise:')) {
        if (c.from === null || c.from === undefined) return `nytt löfte ${agreementValue(field, c.to)}`;
        if (c.to === null || c.to === undefined) return `löftet ${agreementValue(field, c.from)} borttaget`;
        return `löfte ${agreementValue(field, c.from)} → ${agreementValue(field, c.to)}`;
      }
      return `${AGREEMENT_FIELD[field] ?? field} ${agreementValue(field, c.from)} → ${agreementValue(field, c.to)}`;
    })
    .join('; ');
  return `ändrade medborgarlöftet ${event.agreementId ?? ''}${list ? `: ${list}` : ''}`;
}

/**
 * What an area change did, in Swedish. The store records the area's own action word first
 * ("created: jonkoping-2020", "coordinatorAdded: Anna Lind", "tenantsSet: tenants: t1; samordnare: …"):
 * that word becomes the verb, the rest follows in brackets with its field names in Swedish.
 */
function areaChangeText(event: HistoryEvent): string {
  const detail = event.detail ?? '';
  const colon = detail.indexOf(':');
  const word = colon < 0 ? detail : detail.slice(0, colon);
  const verb = AREA_CHANGE[word];
  const rest = (verb ? (colon < 0 ? '' : detail.slice(colon + 1)) : detail)
    .trim()
    .replace(/\btenants:/gu, 'organisationer:');
  const fallback = event.action === 'coordinators.changed' ? 'ändrade samordnarna' : 'ändrade området';
  return `${verb ?? fallback}${rest ? ` (${rest})` : ''}`;
}

/** The area's change words (src/store/areaFiles.ts), as history verbs. */
const AREA_CHANGE: Readonly<Record<string, string>> = {
  created: 'skapade området',
  upgraded: 'uppgraderade området',
  agreementAdded: 'lade till ett medborgarlöfte i området',
  agreementChanged: 'ändrade ett medborgarlöfte i området',
  tenantsSet: 'ändrade områdets organisationer',
  coordinatorsSet: 'ändrade samordnarna',
  coordinatorAdded: 'lade till en samordnare',
  coordinatorRemoved: 'tog bort en samordnare',
  bound: 'band en konversation till området',
  unbound: 'tog bort en konversation från området',
  responsibleAdded: 'gjorde någon ansvarig',
  responsibleRemoved: 'tog bort en ansvarig',
  reminderTimeSet: 'ändrade påminnelsetiden',
};

/** What a person did to their own reminders (the audit detail), in Swedish. */
const REMINDER_CHANGE: Readonly<Record<string, string>> = {
  off: 'av',
  on: 'på',
  paused: 'pausade 4 veckor',
};

/** "14 mars 2020 10:02" in Stockholm time. */
function momentText(iso: string): string {
  const instant = new Date(iso);
  return `${formatSwedishDate(stockholmDate(instant))} ${stockholmTimeOfDay(instant)}`;
}

function historyLine(event: HistoryEvent, names: HistoryNames, withActivity: boolean): string {
  const via = event.via ? ` ${VIA[event.via]}` : '';
  const what = event.action === 'entry.edited' ? changesText(event, names) : '';
  return `• ${momentText(event.at)} – ${event.by.name || event.by.id} ${actionText(event, names, withActivity)}${via}${what ? `: ${what}` : ''}`;
}

/** The page as a message: heading, lines, and how to see the next page. */
export function historyText(
  heading: string,
  page: Page<HistoryEvent>,
  names: HistoryNames,
  options: { withActivity: boolean; nextCommand: string },
): string {
  if (page.total === 0) return `${heading}\n\nInget ändrat än.`;
  const lines = page.items.map((e) => historyLine(e, names, options.withActivity));
  const position = `Visar ${page.first}–${page.last} av ${page.total}, nyast först.`;
  const next = page.page + 1 < page.pages ? ` Äldre: ${options.nextCommand} sida ${page.page + 2}.` : '';
  return `${heading}\n\n${lines.join('\n')}\n\n${position}${next}`;
}

/** A /historik option: what to type, and the activity it shows. */
export interface HistoryOption {
  command: string;
  name: string;
}

const optionLines = (options: readonly HistoryOption[]) => options.map((o) => `• ${o.command} – ${o.name}`).join('\n');

/** "/historik fotpatrullering" matched several activities: the commands that name each alone. */
export function historyAmbiguousText(typed: string, agreementTitle: string, options: readonly HistoryOption[]): string {
  return `"${typed.slice(0, 80)}" passar flera aktiviteter i ${agreementTitle}. Skriv en av:\n${optionLines(options)}`;
}

/** No activity matched: the closest ones, when there are any, else how to see every change. */
export function historyNoActivityText(
  typed: string,
  agreementTitle: string,
  options: readonly HistoryOption[],
): string {
  const none = `Jag hittar ingen aktivitet "${typed.slice(0, 80)}" i ${agreementTitle}.`;
  return options.length > 0
    ? `${none} Menar du någon av dem här?\n${optionLines(options)}`
    : `${none} Skriv /historik utan aktivitet för alla ändringar, eller /status för aktiviteterna.`;
}

/** /historik's headings, and what it says when it has no history to show. */
export type HistoryText =
  | { code: 'history.noAgreement'; year?: number | undefined }
  | { code: 'history.recentHeading' }
  | { code: 'history.activityHeading'; activity: string; agreement: string };

/** The sentence for each of /historik's headings and refusals. */
export const historyTexts: Catalogue<HistoryText> = {
  'history.noAgreement': ({ year }) => `Det finns inget medborgarlöfte för ${year ?? 'i år'}.`,
  'history.recentHeading': () => '**Senaste ändringarna**',
  'history.activityHeading': ({ activity, agreement }) => `**Historik: ${activity}** (${agreement})`,
};
