// Changing what an entry says, whichever way it was asked for (Ändra in /mina, an edited /logga
// message in Teams, a click on the question about an edited message): the same checks, the old
// fields kept in the entry's history, one audit record naming the fields that changed. Personal
// data is checked once, where the fields enter (CheckedFields), not again here.
import { fieldChanges, fieldsOf, type EntryChange, type EntryFields } from '../domain/entry.js';
import { turnAuditRecord } from './audit.js';
import { personOf, type Turn } from './context.js';
import type { FoundEntry } from './entryCard.js';
import type { RecordRefusal } from '../views/logTexts.js';
import type { IsoDate } from '../domain/agreement.js';
import { editTexts, type EditRefusal } from '../views/entryTexts.js';
import { render } from '../views/catalogue.js';
import { personalDataIn } from './recordEntry.js';

export type EditOutcome =
  | { kind: 'changed'; found: FoundEntry }
  /** The fields are what the entry already says (a redelivered edit, an edit of other words): nothing written. */
  | { kind: 'same'; found: FoundEntry }
  /** Not changeable here: removed, in another agreement, someone else's, or gone. `why` is the user's text. */
  | { kind: 'refused'; why: string };

declare const checked: unique symbol;

/** Fields whose note and place were checked for personnummer and phone numbers where they entered. */
export type CheckedFields = EntryFields & { readonly [checked]: true };

/** The check of fields that come as a whole from a client or a text: a refusal, or the fields checked. */
export function checkFields(
  today: IsoDate,
  fields: EntryFields,
): { ok: true; fields: CheckedFields } | { ok: false; refusal: RecordRefusal } {
  const personal = personalDataIn(today, fields);
  return personal ? { ok: false, refusal: personal } : { ok: true, fields: fields as CheckedFields };
}

/**
 * Fields made only of values their entry point checked as they came in: the log form's (formAction)
 * or an edited message's (the text in messageEdited, its phone numbers in resolveLog).
 */
export function fieldsCheckedAtEntry(fields: EntryFields): CheckedFields {
  return fields as CheckedFields;
}

function refused(why: EditRefusal): EditOutcome {
  return { kind: 'refused', why: render(editTexts, why) };
}

/**
 * Writes `fields` over the active entry `found` (the same agreement), records the change with its
 * `reason`, and audits which fields changed (a note as changed, never its text) with `detail`
 * (by default the way of asking the reason stands for). Only the person who logged the entry may change it.
 */
export async function editEntry(
  turn: Turn,
  found: FoundEntry,
  fields: CheckedFields,
  reason: EntryChange['reason'] & ('edit' | 'messageEdited'),
  detail: string = reason === 'edit' ? 'Ändra' : 'meddelandet redigerat',
): Promise<EditOutcome> {
  const { entry, agreement } = found;
  if (entry.removed) return refused({ code: 'edit.removed' });
  if (entry.by.id !== personOf(turn).id) {
    return refused({ code: 'edit.notYours', by: entry.by.name });
  }
  const activity = agreement.activities.find((a) => a.id === fields.activityId);
  if (!activity) return refused({ code: 'edit.activityMissing', title: agreement.title });
  const changes = fieldChanges(fieldsOf(entry), fields);
  if (Object.keys(changes).length === 0) return { kind: 'same', found };
  const changed = await turn.records.editEntry(
    agreement.id,
    entry.id,
    fields,
    { by: personOf(turn), at: turn.now.toISOString(), reason },
    turnAuditRecord(turn, {
      action: 'entry.edited',
      agreementId: agreement.id,
      activityId: fields.activityId,
      entryId: entry.id,
      changes,
      detail,
    }),
  );
  if (!changed) return refused({ code: 'edit.gone' });
  turn.log.info({ entryId: changed.id, reason, fields: Object.keys(changes) }, 'entry edited');
  return { kind: 'changed', found: { entry: changed, agreement, activity } };
}
