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
import { loggedCard, loggedCardData } from '../views/loggedCard.js';
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

  const entry: Entry = {
    id: turn.deps.newId(),
    agreementId: draft.agreement.id,
    activityId: draft.activity.id,
    date: draft.date,
    count: draft.count,
    by: personOf(turn),
    loggedAt: turn.now.toISOString(),
    ...givenDetails(draft),
    ...(draft.sourceId ? { sourceId: draft.sourceId } : {}),
  };
  // The audit record goes into the same disk write as the entry (and is written only if it is stored).
  const result = await turn.store.addEntry(
    entry,
    turnAuditRecord(turn, {
      action: 'entry.logged',
      agreementId: entry.agreementId,
      activityId: entry.activityId,
      entryId: entry.id,
      changes: loggedFields(entry),
    }),
  );
  turn.log.info({ entryId: result.entry.id, activityId: entry.activityId, stored: result.stored }, 'entry logged');
  return { ok: true, entry: result.entry, stored: result.stored };
}

/** The confirmation card (with the text as fallback); `replace` puts it where the submitted card was. */
export function loggedReply(
  turn: Turn,
  entry: Entry,
  agreement: Agreement,
  activity: Activity,
  fresh: boolean,
  replace = false,
): Reply {
  const status = statusAfter(turn, agreement, activity);
  // An entry already taken back (a redelivery or a second click after Ångra) says so, without Ångra.
  const mode = entry.removed ? 'undone' : fresh ? 'logged' : 'already';
  const shown = loggedCard(loggedCardData(entry, agreement, activity, status, fresh, mode));
  const fallback = confirmation(turn, entry, agreement, activity, fresh, status);
  return replace ? replaceCard(shown, fallback) : card(shown, fallback);
}

/** The activity's status with the new entry, from its day totals: the cost does not grow with the year. */
function statusAfter(turn: Turn, agreement: Agreement, activity: Activity): ActivityStatus {
  const { store } = turn;
  return activityStatusOfDays(
    agreement,
    activity,
    store.dayTotals(agreement.id, activity.id),
    store.completions(agreement.id),
    turn.today,
  );
}

function confirmation(
  turn: Turn,
  entry: Entry,
  agreement: Agreement,
  activity: Activity,
  fresh: boolean,
  status = statusAfter(turn, agreement, activity),
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
  return `${head}\n\n${progress}${notCounted}${note}${fix}`;
}
