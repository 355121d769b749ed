// Card submits: a click on the ambiguity card, the log form, "Visa fler" and the help buttons,
// routed by verb (cardRoutes, VERB_FAMILIES). The payload comes from a client and is checked like
// any other input before anything is stored.
import { z } from 'zod';
import { agreementForDate, type Activity, type Agreement, type IsoDate } from '../domain/agreement.js';
import { isValidIsoDate } from '../domain/calendar.js';
import { readCardDate, type CardDate } from '../domain/cardDate.js';
import { givenDetails } from '../domain/entry.js';
import { readFormHours, readFormParticipants, type FormNumber } from '../domain/formNumbers.js';
import { MAX_COUNT, MAX_NOTE_LENGTH, MAX_PARTICIPANTS } from '../domain/logRequest.js';
import { render } from '../views/catalogue.js';
import { correctionText } from '../views/correctionTexts.js';
import type { ChoiceSubmit, LogFormPrefill } from '../views/logCards.js';
import { cardTexts, logFormTexts, type FormProblem } from '../views/logFormTexts.js';
import { ended, recordTexts } from '../views/logTexts.js';
import { exampleKeyword } from './agreements.js';
import { personOf, type Turn } from './context.js';
import { entryAction, ENTRY_VERBS } from './entryActions.js';
import { entryCard, findEntry } from './entryCard.js';
import { checkFields, editEntry, fieldsCheckedAtEntry } from './entryEdit.js';
import { reviewAction } from './followUpReview.js';
import { importAction, isImportVerb } from './importCommand.js';
import { logForm } from './logCommand.js';
import { nameQuestion, notCountedAnswer } from './logQuestions.js';
import { meetingLogAction } from './meetingCommand.js';
import { mineCommand } from './myEntries.js';
import { occasionQuestion } from './occasionQuestion.js';
import { text, type Reply } from './ports.js';
import {
  checkedAtEntry,
  futureDate,
  futureDateRefusal,
  loggedReply,
  personalDataIn,
  recordEntry,
  storeEntry,
  type EntryDraft,
} from './recordEntry.js';
import { openFollowUpAction, reminderAction, REMINDER_VERBS } from './reminders.js';
import { repeatCancelled, repeatQuestion } from './repeatQuestion.js';
import { statusCommand } from './statusCommand.js';
import { subscribeAction, unsubscribeCommand } from './subscriptionCommands.js';
import { summaryCommand } from './summaryCommand.js';

/** The longest place the form takes (a place typed in "Annan plats"). */
const MAX_PLACE_LENGTH = 80;

const choiceSchema = z.object({
  verb: z.literal('log.choose'),
  requestId: z.string().min(1).max(100),
  agreementId: z.string().min(1).max(100),
  activityId: z.string().min(1).max(100),
  date: z.string(),
  place: z.string().max(80).optional(),
  count: z.number().int().min(1).max(MAX_COUNT),
  hours: z.number().positive().max(24).optional(),
  participants: z.number().int().min(1).max(MAX_PARTICIPANTS).optional(),
  note: z.string().max(MAX_NOTE_LENGTH).optional(),
  // A question about an edited /logga message: the click changes this entry instead of logging one.
  entryId: z.string().min(1).max(100).optional(),
  // The typed message the question answers, and who wrote it (see questionOrigin).
  messageId: z.string().min(1).max(200).optional(),
  writer: z.string().min(1).max(200).optional(),
  writerName: z.string().max(200).optional(),
  // The writer chose "Spara ändå" on the question about a name in the note.
  noteChecked: z.boolean().optional(),
  // The answer to "Var du med där?" (see occasionQuestion): join that occasion, or a separate one.
  occasionId: z.string().min(1).max(100).optional(),
  newOccasion: z.boolean().optional(),
});

// "Ändra" on the question about a name in the note: the log form, filled in with the same.
const reopenSchema = choiceSchema.extend({ verb: z.literal('log.reopen') });

const cancelSchema = z.object({
  verb: z.literal('log.cancel'),
  writer: z.string().min(1).max(200).optional(),
  writerName: z.string().max(200).optional(),
});

// Adaptive Card inputs arrive as strings; an untouched optional input may be missing or "".
const formSchema = z.object({
  verb: z.literal('log.form'),
  formId: z.string().min(1).max(100),
  // Ändra: the entry this form changes ('' or absent: a new entry).
  entryId: z.string().max(100).optional(),
  activityId: z.string().max(100).optional(),
  date: z.string().max(100).optional(),
  place: z.string().max(1000).optional(),
  otherPlace: z.string().max(1000).optional(),
  count: z.union([z.string().max(100), z.number()]).optional(),
  // Absent on a form sent before these fields existed: an Ändra then keeps the entry's values.
  participants: z.union([z.string().max(100), z.number()]).optional(),
  hours: z.union([z.string().max(100), z.number()]).optional(),
  note: z.string().max(10_000).optional(),
});

const pageSchema = z.object({
  verb: z.literal('page'),
  view: z.enum(['status', 'summary', 'mine']),
  page: z.number().int().min(0).max(1000),
  args: z.string().max(100),
  asOf: z.string().optional(),
});

const commandSchema = z.object({
  verb: z.literal('command'),
  command: z.enum(['logga', 'status', 'sammanfattning', 'mina', 'avprenumerera']),
});

/** What a card handler gets: the turn, and the submit's value as the client sent it (checked by the handler). */
type CardHandler = (turn: Turn, value: unknown) => Reply[] | Promise<Reply[]>;

/** The verbs routed one to one; families of verbs (import.*, reminder.*, entry.*) are in VERB_FAMILIES. */
type CardVerb =
  | 'log.choose'
  | 'log.form'
  | 'log.cancel'
  | 'log.reopen'
  | 'page'
  | 'command'
  | 'subscribe'
  | 'followUp.publish'
  | 'followUp.draft'
  | 'followUp.open'
  | 'meeting.log';

const cardRoutes: { readonly [V in CardVerb]: CardHandler } = {
  'log.choose': (turn, value) => chooseAction(turn, value),
  'log.form': (turn, value) => formAction(turn, value),
  'log.cancel': (turn, value) => cancelAction(turn, value),
  'log.reopen': (turn, value) => reopenAction(turn, value),
  page: (turn, value) => pageAction(turn, value),
  command: (turn, value) => commandAction(turn, value),
  subscribe: subscribeAction,
  'followUp.publish': reviewAction,
  'followUp.draft': reviewAction,
  'followUp.open': openFollowUpAction,
  'meeting.log': meetingLogAction,
};

const VERB_FAMILIES: readonly { select: (verb: string) => boolean; handle: CardHandler }[] = [
  { select: isImportVerb, handle: importAction },
  { select: (verb) => REMINDER_VERBS.includes(verb), handle: reminderAction },
  { select: (verb) => ENTRY_VERBS.includes(verb), handle: entryAction },
];

function isCardVerb(verb: string): verb is CardVerb {
  return Object.prototype.hasOwnProperty.call(cardRoutes, verb);
}

/** A card submit, routed by its verb; an unknown or missing verb is answered, never thrown. */
export async function cardAction(turn: Turn, value: unknown): Promise<Reply[]> {
  const verb = typeof value === 'object' && value !== null ? (value as { verb?: unknown }).verb : undefined;
  if (typeof verb === 'string') {
    if (isCardVerb(verb)) return cardRoutes[verb](turn, value);
    const family = VERB_FAMILIES.find((f) => f.select(verb));
    if (family) return family.handle(turn, value);
  }
  return [text(render(cardTexts, { code: 'card.unknown' }))];
}

/**
 * The answer to a click on someone else's question (which activity, which day, logga igen?), or
 * undefined when the clicker asked it. Cards from before questions carried a writer have none:
 * those clicks are taken as before.
 */
async function notYourQuestion(
  turn: Turn,
  asked: { writer?: string; writerName?: string },
): Promise<Reply[] | undefined> {
  if (!asked.writer || asked.writer === personOf(turn).id) return undefined;
  // A card from before it carried the name: the answer still says whose turn it is, without it.
  const name = asked.writerName?.trim() || undefined;
  const example = exampleKeyword(await turn.records.agreements(), turn.today);
  return [text(ended(cardTexts, { code: 'card.notYours', name, example }, 'nothingStored'))];
}

/** A refusal of a click on the log path: nothing stored. */
function refused(code: 'card.unreadable' | 'card.agreementGone' | 'card.activityGone'): Reply[] {
  return [text(ended(cardTexts, { code }, 'nothingStored'))];
}

async function cancelAction(turn: Turn, value: unknown): Promise<Reply[]> {
  const parsed = cancelSchema.safeParse(value);
  if (!parsed.success) return [text(render(cardTexts, { code: 'card.unreadable' }))];
  return (await notYourQuestion(turn, parsed.data)) ?? repeatCancelled();
}

async function chooseAction(turn: Turn, value: unknown): Promise<Reply[]> {
  const parsed = choiceSchema.safeParse(value);
  if (!parsed.success || !isValidIsoDate(parsed.data.date)) return refused('card.unreadable');
  const choice = parsed.data;
  const notYours = await notYourQuestion(turn, choice);
  if (notYours) return notYours;
  const agreement = await turn.records.agreement(choice.agreementId);
  const activity = agreement?.activities.find((a) => a.id === choice.activityId);
  if (!agreement || !activity) return refused('card.activityGone');
  if (choice.entryId) return chooseForEdit(turn, choice, choice.entryId);
  const draft = choiceDraft(turn, choice, agreement, activity);
  // A name in the note of work about individuals is asked about once, in place of this card; a
  // second click after the entry is stored is answered with it below (recordEntry finds the source).
  if (!draft.sourceId || !(await turn.records.findBySource(draft.sourceId))) {
    const askName = await nameQuestion(turn, draft, {
      replace: true,
      origin: choiceOrigin(choice),
      ...(choice.noteChecked ? { noteChecked: true } : {}),
    });
    if (askName) return [askName];
  }
  // A choice of activity or day may still meet an occasion someone else logged: ask that first.
  const question = await occasionQuestion(turn, draft, true, choice.messageId, choice.noteChecked === true);
  if (question) return [question];
  // The payload came from a client: checked here, as it enters, then stored.
  const result = await recordEntry(turn, draft);
  // The choice card becomes the confirmation: the other buttons must not log a second entry.
  return result.ok
    ? [await loggedReply(turn, result.entry, agreement, activity, result.stored, true)]
    : [text(ended(recordTexts, result.refusal, 'nothingStored'))];
}

/** The entry a choice logs: the writer's click as their message, anyone else's once per card. */
function choiceDraft(
  turn: Turn,
  choice: z.infer<typeof choiceSchema>,
  agreement: Agreement,
  activity: Activity,
): EntryDraft {
  const { occasionId, newOccasion, ...details } = choice;
  return {
    agreement,
    activity,
    date: choice.date,
    count: choice.count,
    // The writer's click logs as their message (a redelivery, an edit or a deletion of it finds
    // the entry); a question about a form logs once per card.
    sourceId:
      choice.messageId && choice.writer === personOf(turn).id
        ? `message:${turn.input.conversation.id}:${choice.messageId}`
        : `choice:${choice.requestId}:${personOf(turn).id}`,
    ...givenDetails(details),
    ...(occasionId ? { occasion: { join: occasionId } } : newOccasion ? { occasion: 'new' as const } : {}),
  };
}

/** Who asked the question a choice answers, carried on to the next question's buttons. */
function choiceOrigin(choice: z.infer<typeof choiceSchema>): Partial<ChoiceSubmit> {
  const { requestId, messageId, writer, writerName } = choice;
  return {
    requestId,
    ...(messageId ? { messageId } : {}),
    ...(writer ? { writer } : {}),
    ...(writerName ? { writerName } : {}),
  };
}

/** "Ändra" on the question about a name in the note: the log form, filled in, where the question was. */
async function reopenAction(turn: Turn, value: unknown): Promise<Reply[]> {
  const parsed = reopenSchema.safeParse(value);
  if (!parsed.success || !isValidIsoDate(parsed.data.date)) return refused('card.unreadable');
  const asked = parsed.data;
  const notYours = await notYourQuestion(turn, asked);
  if (notYours) return notYours;
  const agreement = await turn.records.agreement(asked.agreementId);
  if (!agreement) return refused('card.agreementGone');
  return logForm(
    turn,
    agreement,
    {
      activityId: asked.activityId,
      date: asked.date,
      count: asked.count,
      ...givenDetails(asked),
      // A question about an edited message: the form changes that entry.
      ...(asked.entryId ? { entryId: asked.entryId } : {}),
    },
    true,
  );
}

/** A click on the question asked about an edited message: that message's entry takes the choice. */
async function chooseForEdit(turn: Turn, choice: z.infer<typeof choiceSchema>, entryId: string): Promise<Reply[]> {
  const found = await findEntry(turn, choice.agreementId, entryId);
  if (!found) {
    const elsewhere = (await turn.records.allEntries()).some((e) => e.id === entryId);
    return [
      text(
        elsewhere
          ? ended(cardTexts, { code: 'card.dayInOtherAgreement' }, 'unchanged')
          : render(cardTexts, { code: 'card.entryGone' }),
      ),
    ];
  }
  const future = futureDateRefusal(choice.date, turn.today, 'unchanged');
  if (future) return [text(future)];
  // The payload came from a client: its note and place are checked here, as they enter.
  const check = checkFields(turn.today, {
    activityId: choice.activityId,
    date: choice.date,
    count: choice.count,
    ...givenDetails(choice),
  });
  if (!check.ok) return [text(ended(recordTexts, check.refusal, 'unchanged'))];
  const outcome = await editEntry(turn, found, check.fields, 'messageEdited');
  if (outcome.kind === 'refused') return [text(correctionText({ kind: 'refused', why: outcome.why }))];
  return [await entryCard(turn, outcome.found, outcome.kind === 'changed' ? 'edited' : 'unchanged', true)];
}

/** The log form's fields as read: each value, or what was typed when it could not be read. */
interface FormFields {
  form: z.infer<typeof formSchema>;
  place: string | undefined;
  note: string | undefined;
  /** The date field as typed, and as read ('' when it could not be). */
  written: string;
  read: CardDate;
  date: IsoDate;
  count: number;
  participants: FormNumber;
  hours: FormNumber;
  /** What the form comes back with when it is sent back with an error. */
  prefill: LogFormPrefill;
}

/** A problem on the form's error line, with what to keep filled in (by default all of it). */
type SendBack = (problem: FormProblem, keep?: LogFormPrefill) => Promise<Reply[]>;

function readForm(turn: Turn, form: z.infer<typeof formSchema>): FormFields {
  const place = form.otherPlace?.trim() || form.place?.trim() || undefined;
  const note = form.note?.trim() || undefined;
  const written = form.date?.trim() ?? '';
  const read: CardDate = written === '' ? { ok: true, date: turn.today } : readCardDate(written);
  const date = read.ok ? read.date : '';
  const countText = typeof form.count === 'number' ? String(form.count) : form.count?.trim() || '1';
  const count = Number(countText);
  const participants = readFormParticipants(form.participants);
  const hours = readFormHours(form.hours);
  const hoursTyped = typeof form.hours === 'string' ? form.hours.trim().slice(0, 20) : form.hours;
  const prefill = {
    ...(form.entryId ? { entryId: form.entryId } : {}),
    ...(form.activityId ? { activityId: form.activityId } : {}),
    // An unreadable date comes back empty, never as today: the user picks it again.
    date,
    ...(place && place.length <= MAX_PLACE_LENGTH ? { place } : {}),
    // An out-of-range count is shown back as typed, next to the error that names it.
    ...(Number.isInteger(count) && Math.abs(count) <= 1_000_000 ? { count } : {}),
    ...(participants.ok && participants.value !== undefined ? { participants: participants.value } : {}),
    // Hours that could not be read are shown back as typed, next to the error that names them.
    ...(hours.ok && hours.value !== undefined ? { hours: hours.value } : hoursTyped ? { hours: hoursTyped } : {}),
    ...(note && note.length <= MAX_NOTE_LENGTH ? { note } : {}),
  };
  return { form, place, note, written, read, date, count, participants, hours, prefill };
}

/** The first field that cannot be stored, in the order the form shows them; undefined when none. */
function fieldProblem(turn: Turn, f: FormFields): FormProblem | undefined {
  const written = f.written.slice(0, 20);
  if (!f.read.ok) {
    if (f.read.reason === 'ambiguous') return { code: 'form.ambiguousDate', written, readings: f.read.readings };
    return { code: f.read.reason === 'nonexistent' ? 'form.nonexistentDate' : 'form.unreadableDate', written };
  }
  const future = futureDate(f.date, turn.today);
  if (future) return future;
  if (!Number.isInteger(f.count) || f.count < 1 || f.count > MAX_COUNT) return { code: 'form.count', max: MAX_COUNT };
  if (!f.participants.ok) return f.participants.problem;
  if (!f.hours.ok) return f.hours.problem;
  if (f.place && f.place.length > MAX_PLACE_LENGTH) return { code: 'form.placeTooLong', max: MAX_PLACE_LENGTH };
  if (f.note && f.note.length > MAX_NOTE_LENGTH) {
    return { code: 'form.noteTooLong', max: MAX_NOTE_LENGTH, length: f.note.length };
  }
  if (!f.form.activityId) return { code: 'form.noActivity' };
  return undefined;
}

/** The agreement the form's date is in, and the chosen activity in it; or why there is none. */
function formTarget(
  agreements: readonly Agreement[],
  date: IsoDate,
  activityId: string | undefined,
): { agreement: Agreement; activity: Activity } | FormProblem {
  const agreement = agreementForDate(agreements, date);
  if (!agreement) return { code: 'form.noAgreement', date };
  const activity = agreement.activities.find((a) => a.id === activityId);
  if (!activity) return { code: 'form.activityNotInAgreement', title: agreement.title };
  return { agreement, activity };
}

/**
 * The log form sent: every field checked here, where it enters (personal data first, so it is never
 * echoed back into the card), then a new entry logged or the entry of Ändra changed. A problem sends
 * the form back in place of the one sent, with the error on it and what was filled in kept.
 */
async function formAction(turn: Turn, value: unknown): Promise<Reply[]> {
  const parsed = formSchema.safeParse(value);
  if (!parsed.success) return [text(ended(cardTexts, { code: 'card.unreadableForm' }, 'nothingStored'))];
  const f = readForm(turn, parsed.data);
  const agreements = await turn.records.agreements();
  const again: SendBack = (problem, keep = f.prefill) => {
    const formAgreement = keep.date ? agreementForDate(agreements, keep.date) : undefined;
    return logForm(turn, formAgreement, { ...keep, error: ended(logFormTexts, problem, 'nothingStored') }, true);
  };
  const personal = personalDataIn(turn.today, f);
  if (personal) {
    // A personnummer must not be echoed back into the card (the card is a stored Teams message).
    const { note: _note, place: _place, ...rest } = f.prefill;
    return again(personal, rest);
  }
  const problem = fieldProblem(turn, f);
  if (problem) return again(problem);
  const target = formTarget(agreements, f.date, f.form.activityId);
  if ('code' in target) return again(target);
  if (f.form.entryId) return editFromForm(turn, f, target, f.form.entryId, again);
  return logFromForm(turn, f, target);
}

/** Ändra: the form's fields written over the person's own entry, in the same agreement. */
async function editFromForm(
  turn: Turn,
  f: FormFields,
  { agreement, activity }: { agreement: Agreement; activity: Activity },
  entryId: string,
  again: SendBack,
): Promise<Reply[]> {
  const original = (await turn.records.allEntries()).find((e) => e.id === entryId);
  if (!original || original.removed) return again({ code: 'form.entryGone' });
  if (original.by.id !== personOf(turn).id) return again({ code: 'form.notYourEntry' });
  if (original.agreementId !== agreement.id) return again({ code: 'form.otherAgreement', title: agreement.title });
  const { form, place, note, hours, participants } = f;
  // Every field was checked in formAction, personal data first.
  const outcome = await editEntry(
    turn,
    { entry: original, agreement, activity },
    fieldsCheckedAtEntry({
      activityId: activity.id,
      date: f.date,
      count: f.count,
      ...(place ? { place } : {}),
      // A form without the fields (sent before they existed) keeps the entry's values.
      ...optionalField('hours', form.hours === undefined ? original.hours : hours.ok ? hours.value : undefined),
      ...optionalField(
        'participants',
        form.participants === undefined ? original.participants : participants.ok ? participants.value : undefined,
      ),
      ...(note ? { note } : {}),
    }),
    'edit',
  );
  if (outcome.kind === 'refused') return again({ code: 'form.editRefused', why: outcome.why });
  return [await entryCard(turn, outcome.found, outcome.kind === 'changed' ? 'edited' : 'unchanged', true)];
}

/** A new entry from the form: asked about first where a question applies, then stored. */
async function logFromForm(
  turn: Turn,
  f: FormFields,
  { agreement, activity }: { agreement: Agreement; activity: Activity },
): Promise<Reply[]> {
  const { place, note, hours, participants } = f;
  const draft: EntryDraft = {
    agreement,
    activity,
    date: f.date,
    count: f.count,
    sourceId: `form:${f.form.formId}:${personOf(turn).id}`,
    ...(place ? { place } : {}),
    ...optionalField('hours', hours.ok ? hours.value : undefined),
    ...optionalField('participants', participants.ok ? participants.value : undefined),
    ...(note ? { note } : {}),
  };
  // Asked in place of the form, before anything is stored: a name in a note about individuals,
  // a day the activity does not count, a repeat of one's own entry, an occasion someone else logged.
  const ask =
    (await nameQuestion(turn, draft, { replace: true })) ??
    notCountedAnswer(turn, draft, [], { replace: true }) ??
    (await repeatQuestion(turn, draft, true)) ??
    (await occasionQuestion(turn, draft, true));
  if (ask) return [ask];
  // Every field was checked in formAction, and the agreement is the one the date is in.
  const result = await storeEntry(turn, checkedAtEntry(draft));
  return [await loggedReply(turn, result.entry, agreement, activity, result.stored, true)];
}

/** `{ [key]: value }`, or nothing when the value is undefined (the store leaves out absent fields). */
function optionalField<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}

async function pageAction(turn: Turn, value: unknown): Promise<Reply[]> {
  const parsed = pageSchema.safeParse(value);
  if (!parsed.success) return [text(render(cardTexts, { code: 'card.unreadable' }))];
  const { view, page, args, asOf } = parsed.data;
  switch (view) {
    case 'status':
      return statusCommand(turn, args, page);
    case 'summary': {
      // The period of the first page, unless the card claims a date that is not a past day.
      const sameDay = asOf && isValidIsoDate(asOf) && asOf <= turn.today ? asOf : undefined;
      return summaryCommand(turn, args, page, sameDay);
    }
    case 'mine':
      return mineCommand(turn, page);
  }
}

function commandAction(turn: Turn, value: unknown): Reply[] | Promise<Reply[]> {
  const parsed = commandSchema.safeParse(value);
  if (!parsed.success) return [text(render(cardTexts, { code: 'card.unknownButton' }))];
  switch (parsed.data.command) {
    case 'logga':
      return logForm(turn);
    case 'status':
      return statusCommand(turn, '');
    case 'sammanfattning':
      return summaryCommand(turn, '');
    case 'mina':
      return mineCommand(turn);
    case 'avprenumerera':
      return unsubscribeCommand(turn);
  }
}
