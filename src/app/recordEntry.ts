// The one way an entry reaches the store, whether typed, clicked on the ambiguity card or sent
// from the log form: every path gets the same checks and the same confirmation.
import type { Activity, Agreement, IsoDate } from '../domain/agreement.js';
import { givenDetails, loggedFields, type Entry } from '../domain/entry.js';
import { findPersonalIdentityNumber } from '../domain/personalData.js';
import { findPhoneNumber } from '../domain/phoneNumbers.js';
import { ended, recordTexts, type Ending, type RecordRefusal } from '../views/logTexts.js';
import { confirmationFix, confirmationHead } from '../views/entryTexts.js';
import { notCountedText } from '../views/noteGuardCards.js';
import { whyNotCounted } from '../domain/counting.js';
import { activityStatusOfDays, type ActivityStatus } from '../domain/status.js';
import { occasionIdOf, type Occasion } from '../domain/occasion.js';
import { loggedCard, loggedCardData, sameOccasionText } from '../views/loggedCard.js';
import { progressAndStatus } from '../views/statusWords.js';
import { entryLine, progressText } from '../views/texts.js';
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

declare const checked: unique symbol;

/**
 * A draft whose note and place hold no personnummer or phone number, and whose day is no later
 * than today and inside its agreement: checked once, where its values entered (checkDraft, or the
 * entry point's own checks: see checkedAtEntry), and stored without checking again.
 */
export type CheckedDraft = EntryDraft & { readonly [checked]: true };

/** The personnummer or samordningsnummer in any of the texts, as a refusal; undefined when none. */
export function identityNumberIn(...texts: (string | undefined)[]): RecordRefusal | undefined {
  for (const t of texts) {
    if (!t) continue;
    const found = findPersonalIdentityNumber(t);
    if (found) return { code: 'record.identityNumber', kind: found.kind, number: found.match };
  }
  return undefined;
}

/** A day after today, as a refusal; undefined for today or earlier. */
export function futureDate(date: IsoDate, today: IsoDate): RecordRefusal | undefined {
  return date > today ? { code: 'record.futureDate', date } : undefined;
}

/** futureDate as a sentence with `ending` (a new log's "Inget har sparats." unless told). */
export function futureDateRefusal(date: IsoDate, today: IsoDate, ending: Ending = 'nothingStored'): string | undefined {
  const future = futureDate(date, today);
  return future ? ended(recordTexts, future, ending) : undefined;
}

/** A phone number in a note or place (libphonenumber-js, region SE), as a refusal; else undefined. */
function phoneNumberProblem(today: IsoDate, ...texts: (string | undefined)[]): RecordRefusal | undefined {
  const found = findPhoneNumber(today, ...texts);
  return found ? { code: 'record.phoneNumber', written: found.match } : undefined;
}

/** A refusal of the draft's personal data (personnummer first, then phone numbers), else undefined. */
export function personalDataIn(today: IsoDate, draft: { note?: string; place?: string }): RecordRefusal | undefined {
  return identityNumberIn(draft.note, draft.place) ?? phoneNumberProblem(today, draft.note, draft.place);
}

/** Nothing stored; `personalData` says the free text must not be shown back. */
type CheckRefusal = { ok: false; refusal: RecordRefusal; personalData: boolean };

/**
 * The checks of a draft whose values were not checked where they entered (a card's payload comes
 * from a client): personal data first (never echoed back), then the day.
 */
function checkDraft(today: IsoDate, draft: EntryDraft): { ok: true; draft: CheckedDraft } | CheckRefusal {
  const personal = personalDataIn(today, draft);
  if (personal) return { ok: false, refusal: personal, personalData: true };
  const refusal =
    futureDate(draft.date, today) ??
    (draft.date < draft.agreement.period.start || draft.date > draft.agreement.period.end
      ? ({ code: 'record.outsideAgreement', date: draft.date, title: draft.agreement.title } as const)
      : undefined);
  if (refusal) return { ok: false, refusal, personalData: false };
  return { ok: true, draft: draft as CheckedDraft };
}

/**
 * A draft made only of values its entry point checked as they came in: a typed log (personal data
 * in the whole text in app.ts, phone numbers in resolveLog, the day and agreement in resolveParsed)
 * or the log form (formAction's checks). Not for anything a client sent as a whole.
 */
export function checkedAtEntry(draft: EntryDraft): CheckedDraft {
  return draft as CheckedDraft;
}

export type RecordResult = { ok: true; entry: Entry; stored: boolean } | CheckRefusal;

/** Checks (checkDraft) and stores: for drafts a client sent. The caller confirms with `loggedReply`. */
export async function recordEntry(turn: Turn, draft: EntryDraft): Promise<RecordResult> {
  const check = checkDraft(turn.today, draft);
  if (!check.ok) return check;
  return { ok: true, ...(await storeEntry(turn, check.draft)) };
}

/** Stores a checked draft (write-then-acknowledge); `stored` is false when its source was stored before. */
export async function storeEntry(turn: Turn, draft: CheckedDraft): Promise<{ entry: Entry; stored: boolean }> {
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
  return { entry: result.entry, stored: result.stored };
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
  const head = confirmationHead(line, entry.removed ? 'undone' : fresh ? 'logged' : 'already');
  const progress = `${agreement.title}: ${progressAndStatus(progressText(status.progress), status.status)}.`;
  const why = entry.removed ? undefined : whyNotCounted(activity, entry.date);
  const notCounted = why ? `\n\n⚠️ ${notCountedText(activity, entry.date, why)}` : '';
  const note = entry.note ? `\n\nAnteckning: ${entry.note}` : '';
  // The text is read where the card's Ångra cannot be pressed. /ångra takes back the latest entry:
  // true of one just logged; an earlier one is taken back in /mina.
  const fix = entry.removed ? '' : `\n\n${confirmationFix(fresh)}`;
  const occasion = sameOccasion ? `\n\n${sameOccasion}` : '';
  return `${head}${occasion}\n\n${progress}${notCounted}${note}${fix}`;
}
