// The one way an entry reaches the store, whether typed, clicked on the ambiguity card or sent
// from the log form: every path gets the same checks and the same confirmation.
import type { Activity, Agreement, IsoDate } from '../domain/agreement.js';
import { formatSwedishDate } from '../domain/calendar.js';
import { givenDetails, loggedFields, type Entry } from '../domain/entry.js';
import { findPersonalIdentityNumber } from '../domain/personalData.js';
import { findPhoneNumber } from '../domain/phoneNumbers.js';
import { notCountedText, phoneRefusal } from '../views/noteGuardCards.js';
import { whyNotCounted } from '../domain/counting.js';
import { activityStatusOfDays, type ActivityStatus } from '../domain/status.js';
import { occasionIdOf, type Occasion } from '../domain/occasion.js';
import { loggedCard, loggedCardData, sameOccasionText } from '../views/loggedCard.js';
import { progressAndStatus } from '../views/statusWords.js';
import { entryLine, maskIdentityNumber, progressText } from '../views/texts.js';
import { turnAuditRecord } from './audit.js';
import { personOf, type Turn } from './context.js';
import { card, replaceCard, type Reply } from './ports.js';

export interface EntryDraft {
  agreement: Agreement;
  activity: Activity;
  date: IsoDate;
  place?: string;
  count: number;
  hours?: number;
  participants?: number;
  note?: string;
  sourceId?: string;
  /**
   * Which occasion the entry is (see src/domain/occasion.ts): `{ join }` the occasion with that id
   * (the answer "Ja, samma tillfälle"), 'new' a separate one (the answer "Nej", or "Logga igen");
   * undefined: nobody was asked, so it is an occasion of its own.
   */
  occasion?: { join: string } | 'new';
}

export const NOTHING_STORED = 'Inget har sparats.';

/** A refusal when any free text holds a personnummer or samordningsnummer, else undefined. */
export function personalDataRefusal(...texts: (string | undefined)[]): string | undefined {
  for (const t of texts) {
    if (!t) continue;
    const found = findPersonalIdentityNumber(t);
    if (found) {
      return `Texten innehåller något som ser ut som ett ${found.kind} (${maskIdentityNumber(found.match)}). Skriv aldrig personuppgifter om invånare här – SIG-ärendena gäller unga. ${NOTHING_STORED}`;
    }
  }
  return undefined;
}

export function futureDateRefusal(date: IsoDate, today: IsoDate): string | undefined {
  return date > today
    ? `${formatSwedishDate(date)} har inte varit än – logga det som har hänt. ${NOTHING_STORED}`
    : undefined;
}

export type RecordResult =
  | { ok: true; entry: Entry; stored: boolean }
  /** Nothing stored; `personalData` says the free text must not be shown back. */
  | { ok: false; refusal: string; personalData: boolean };

/** A refusal when a note or place holds a phone number (libphonenumber-js, region SE), else undefined. */
export function phoneNumberRefusal(today: IsoDate, ...texts: (string | undefined)[]): string | undefined {
  const found = findPhoneNumber(today, ...texts);
  return found ? phoneRefusal(found.match) : undefined;
}

/** Checks and stores (write-then-acknowledge). The caller confirms with `loggedReply`. */
export async function recordEntry(turn: Turn, draft: EntryDraft): Promise<RecordResult> {
  const personal =
    personalDataRefusal(draft.note, draft.place) ?? phoneNumberRefusal(turn.today, draft.note, draft.place);
  if (personal) return { ok: false, refusal: personal, personalData: true };
  const refusal =
    futureDateRefusal(draft.date, turn.today) ??
    (draft.date < draft.agreement.period.start || draft.date > draft.agreement.period.end
      ? `${formatSwedishDate(draft.date)} ligger utanför ${draft.agreement.title}. ${NOTHING_STORED}`
      : undefined);
  if (refusal) return { ok: false, refusal, personalData: false };

  const id = turn.deps.newId();
  const occasionId = typeof draft.occasion === 'object' ? draft.occasion.join : id;
  const entry: Entry = {
    id,
    agreementId: draft.agreement.id,
    activityId: draft.activity.id,
    date: draft.date,
    count: draft.count,
    by: personOf(turn),
    loggedAt: turn.now.toISOString(),
    ...givenDetails(draft),
    ...(draft.sourceId ? { sourceId: draft.sourceId } : {}),
    occasionId,
  };
  // The audit record goes into the same disk write as the entry (and is written only if it is stored).
  const result = await turn.records.addEntry(
    entry,
    turnAuditRecord(turn, {
      action: 'entry.logged',
      agreementId: entry.agreementId,
      activityId: entry.activityId,
      entryId: entry.id,
      // The occasion is named only when the entry joined someone else's (the record says "samma tillfälle").
      changes: { ...loggedFields(entry), ...(occasionId !== id ? { occasionId: { to: occasionId } } : {}) },
    }),
  );
  turn.log.info({ entryId: result.entry.id, activityId: entry.activityId, stored: result.stored }, 'entry logged');
  return { ok: true, entry: result.entry, stored: result.stored };
}

/** The confirmation card (with the text as fallback); `replace` puts it where the submitted card was. */
export async function loggedReply(
  turn: Turn,
  entry: Entry,
  agreement: Agreement,
  activity: Activity,
  fresh: boolean,
  replace = false,
): Promise<Reply> {
  const status = await statusAfter(turn, agreement, activity);
  // An entry already taken back (a redelivery or a second click after Ångra) says so, without Ångra.
  const mode = entry.removed ? 'undone' : fresh ? 'logged' : 'already';
  // An entry this turn just stored as an occasion of its own has nobody else in it yet (others join
  // only by answering a question about it): no second read of the day's occasions on every /logga.
  const others = fresh && occasionIdOf(entry) === entry.id ? [] : await occasionOthers(turn, entry);
  const shown = loggedCard(loggedCardData(entry, agreement, activity, status, fresh, mode, others));
  const same = sameOccasionText(others);
  const fallback = confirmation(entry, agreement, activity, fresh, status, same ? `${same}.` : undefined);
  return replace ? replaceCard(shown, fallback) : card(shown, fallback);
}

/** The names of the other people who logged the entry's occasion (none for a removed entry). */
export async function occasionOthers(turn: Turn, entry: Entry): Promise<string[]> {
  if (entry.removed) return [];
  const id = occasionIdOf(entry);
  const occasion = (await turn.records.occasionsOn(entry.agreementId, entry.activityId, entry.date)).find(
    (o) => o.id === id && o.entries.some((e) => e.id === entry.id),
  );
  return (occasion?.people ?? []).filter((p) => p.id !== entry.by.id).map((p) => p.name);
}

/**
 * occasionOthers for every one of `entries`, read first (one read per activity and day): a lookup
 * for views that ask synchronously.
 */
export async function occasionOthersOf(turn: Turn, entries: readonly Entry[]): Promise<(entry: Entry) => string[]> {
  const days = new Map<string, Promise<readonly Occasion[]>>();
  const others = new Map<string, string[]>();
  await Promise.all(
    entries.map(async (entry) => {
      if (entry.removed) return;
      const day = `${entry.agreementId}|${entry.activityId}|${entry.date}`;
      let occasions = days.get(day);
      if (!occasions) {
        occasions = turn.records.occasionsOn(entry.agreementId, entry.activityId, entry.date);
        days.set(day, occasions);
      }
      const id = occasionIdOf(entry);
      const occasion = (await occasions).find((o) => o.id === id && o.entries.some((e) => e.id === entry.id));
      others.set(
        entry.id,
        (occasion?.people ?? []).filter((p) => p.id !== entry.by.id).map((p) => p.name),
      );
    }),
  );
  return (entry) => others.get(entry.id) ?? [];
}

/** The activity's status with the new entry, from its day totals: the cost does not grow with the year. */
async function statusAfter(turn: Turn, agreement: Agreement, activity: Activity): Promise<ActivityStatus> {
  return activityStatusOfDays(
    agreement,
    activity,
    await turn.records.dayTotals(agreement.id, activity.id),
    await turn.records.completions(agreement.id),
    turn.today,
  );
}

function confirmation(
  entry: Entry,
  agreement: Agreement,
  activity: Activity,
  fresh: boolean,
  status: ActivityStatus,
  sameOccasion?: string,
): string {
  const line = entryLine(entry, activity);
  const head = entry.removed
    ? `Det här var loggat men är ångrat: ${line}.`
    : fresh
      ? `✅ Loggat: ${line}.`
      : `Det här var redan loggat: ${line}.`;
  const progress = `${agreement.title}: ${progressAndStatus(progressText(status.progress), status.status)}.`;
  const why = entry.removed ? undefined : whyNotCounted(activity, entry.date);
  const notCounted = why ? `\n\n⚠️ ${notCountedText(activity, entry.date, why)}` : '';
  const note = entry.note ? `\n\nAnteckning: ${entry.note}` : '';
  // The text is read where the card's Ångra cannot be pressed. /ångra takes back the latest entry:
  // true of one just logged; an earlier one is taken back in /mina.
  const fix = entry.removed ? '' : fresh ? '\n\nFel? Skriv /ångra.' : '\n\nFel? Ta bort den i /mina.';
  const occasion = sameOccasion ? `\n\n${sameOccasion}` : '';
  return `${head}${occasion}\n\n${progress}${notCounted}${note}${fix}`;
}
