// Card submits: a click on the ambiguity card, the log form, "Visa fler" and the help buttons.
// The payload comes from a client and is checked like any other input before anything is stored.
import { AGREEMENT_GONE, UNREADABLE_CARD } from '../views/turnTexts.js';
import { z } from 'zod';
import { agreementForDate } from '../domain/agreement.js';
import { formatSwedishDate, isValidIsoDate } from '../domain/calendar.js';
import { readCardDate } from '../domain/cardDate.js';
import { readFormHours, readFormParticipants } from '../domain/formNumbers.js';
import { MAX_COUNT, MAX_NOTE_LENGTH, MAX_PARTICIPANTS } from '../domain/logRequest.js';
import { exampleKeyword } from './agreements.js';
import { personOf, type Turn } from './context.js';
import { reviewAction } from './followUpReview.js';
import { importAction, isImportVerb } from './importCommand.js';
import { entryAction, ENTRY_VERBS } from './entryActions.js';
import { entryCard, findEntry } from './entryCard.js';
import { editEntry } from './entryEdit.js';
import { logForm } from './logCommand.js';
import { mineCommand } from './myEntries.js';
import { meetingLogAction } from './meetingCommand.js';
import { openFollowUpAction, reminderAction, REMINDER_VERBS } from './reminders.js';
import { repeatCancelled, repeatQuestion } from './repeatQuestion.js';
import { text, type Reply } from './ports.js';
import { nameQuestion, notCountedAnswer } from './logQuestions.js';
import { occasionQuestion } from './occasionQuestion.js';
import {
  NOTHING_STORED,
  futureDateRefusal,
  loggedReply,
  personalDataRefusal,
  phoneNumberRefusal,
  recordEntry,
  type EntryDraft,
} from './recordEntry.js';
import { statusCommand } from './statusCommand.js';
import { summaryCommand } from './summaryCommand.js';
import { subscribeAction, unsubscribeCommand } from './subscriptionCommands.js';
import { givenDetails } from '../domain/entry.js';

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

export async function cardAction(turn: Turn, value: unknown): Promise<Reply[]> {
  const verb = typeof value === 'object' && value !== null ? (value as { verb?: unknown }).verb : undefined;
  if (verb === 'log.choose') return chooseAction(turn, value);
  if (verb === 'log.form') return formAction(turn, value);
  if (verb === 'log.cancel') return cancelAction(turn, value);
  if (verb === 'log.reopen') return reopenAction(turn, value);
  if (verb === 'page') return pageAction(turn, value);
  if (verb === 'command') return commandAction(turn, value);
  if (verb === 'subscribe') return subscribeAction(turn, value);
  if (verb === 'followUp.publish' || verb === 'followUp.draft') return reviewAction(turn, value);
  if (isImportVerb(verb)) return importAction(turn, value);
  if (typeof verb === 'string' && REMINDER_VERBS.includes(verb)) return reminderAction(turn, value);
  if (verb === 'followUp.open') return openFollowUpAction(turn, value);
  if (verb === 'meeting.log') return meetingLogAction(turn, value);
  if (typeof verb === 'string' && ENTRY_VERBS.includes(verb)) return entryAction(turn, value);
  return [text('Jag känner inte igen det kortet. Skriv /hjälp för att se vad jag kan.')];
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
  const name = asked.writerName?.trim();
  // A card from before it carried the name: the answer still says whose turn it is, without it.
  const whose = name
    ? `Frågan gäller ${swedishGenitive(name)} insats – bara ${name} kan välja.`
    : 'Frågan gäller någon annans insats – bara den som skrev kan välja.';
  return [
    text(
      `${whose} Logga din egen med /logga, t.ex. /logga ${exampleKeyword(await turn.records.agreements(), turn.today)} igår. ${NOTHING_STORED}`,
    ),
  ];
}

/** "Anna Lind" → "Anna Linds", "Lars" → "Lars" (a name ending in s, x or z takes no extra s). */
function swedishGenitive(name: string): string {
  return /[sxz]$/iu.test(name) ? name : `${name}s`;
}

async function cancelAction(turn: Turn, value: unknown): Promise<Reply[]> {
  const parsed = cancelSchema.safeParse(value);
  if (!parsed.success) return [text(UNREADABLE_CARD)];
  return (await notYourQuestion(turn, parsed.data)) ?? repeatCancelled();
}

async function chooseAction(turn: Turn, value: unknown): Promise<Reply[]> {
  const parsed = choiceSchema.safeParse(value);
  if (!parsed.success || !isValidIsoDate(parsed.data.date)) {
    return [text(`${UNREADABLE_CARD} ${NOTHING_STORED}`)];
  }
  const choice = parsed.data;
  const notYours = await notYourQuestion(turn, choice);
  if (notYours) return notYours;
  const agreement = await turn.records.agreement(choice.agreementId);
  const activity = agreement?.activities.find((a) => a.id === choice.activityId);
  if (!agreement || !activity) return [text(`Aktiviteten finns inte längre. Skriv kommandot igen. ${NOTHING_STORED}`)];
  if (choice.entryId) return chooseForEdit(turn, choice, choice.entryId);
  const { occasionId, newOccasion, ...details } = choice;
  const draft: EntryDraft = {
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
  // A name in the note of work about individuals is asked about once, in place of this card; a
  // second click after the entry is stored is answered with it below (recordEntry finds the source).
  if (!draft.sourceId || !(await turn.records.findBySource(draft.sourceId))) {
    const { requestId, messageId, writer, writerName } = choice;
    const origin = {
      requestId,
      ...(messageId ? { messageId } : {}),
      ...(writer ? { writer } : {}),
      ...(writerName ? { writerName } : {}),
    };
    const askName = await nameQuestion(turn, draft, {
      replace: true,
      origin,
      ...(choice.noteChecked ? { noteChecked: true } : {}),
    });
    if (askName) return [askName];
  }
  // A choice of activity or day may still meet an occasion someone else logged: ask that first.
  const question = await occasionQuestion(turn, draft, true, choice.messageId, choice.noteChecked === true);
  if (question) return [question];
  const result = await recordEntry(turn, draft);
  // The choice card becomes the confirmation: the other buttons must not log a second entry.
  return result.ok
    ? [await loggedReply(turn, result.entry, agreement, activity, result.stored, true)]
    : [text(result.refusal)];
}

/** "Ändra" on the question about a name in the note: the log form, filled in, where the question was. */
async function reopenAction(turn: Turn, value: unknown): Promise<Reply[]> {
  const parsed = reopenSchema.safeParse(value);
  if (!parsed.success || !isValidIsoDate(parsed.data.date)) {
    return [text(`${UNREADABLE_CARD} ${NOTHING_STORED}`)];
  }
  const asked = parsed.data;
  const notYours = await notYourQuestion(turn, asked);
  if (notYours) return notYours;
  const agreement = await turn.records.agreement(asked.agreementId);
  if (!agreement) return [text(`${AGREEMENT_GONE} ${NOTHING_STORED}`)];
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
          ? 'Dagen ligger i ett annat medborgarlöfte än insatsen. Ta bort insatsen och logga på nytt. Insatsen är oförändrad.'
          : 'Insatsen finns inte längre. Skriv /mina för dina insatser.',
      ),
    ];
  }
  const future = futureDateRefusal(choice.date, turn.today);
  if (future) return [text(future.replace(NOTHING_STORED, 'Insatsen är oförändrad.'))];
  const outcome = await editEntry(
    turn,
    found,
    {
      activityId: choice.activityId,
      date: choice.date,
      count: choice.count,
      ...givenDetails(choice),
    },
    'messageEdited',
  );
  if (outcome.kind === 'refused') return [text(`${outcome.why} Insatsen är oförändrad.`)];
  return [await entryCard(turn, outcome.found, outcome.kind === 'changed' ? 'edited' : 'unchanged', true)];
}

async function formAction(turn: Turn, value: unknown): Promise<Reply[]> {
  const parsed = formSchema.safeParse(value);
  if (!parsed.success)
    return [text(`Formuläret skickade något jag inte kan läsa. Skriv /logga för ett nytt. ${NOTHING_STORED}`)];
  const form = parsed.data;
  const place = form.otherPlace?.trim() || form.place?.trim() || undefined;
  const note = form.note?.trim() || undefined;
  const written = form.date?.trim() ?? '';
  const read = written === '' ? ({ ok: true, date: turn.today } as const) : readCardDate(written);
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
    ...(place && place.length <= 80 ? { place } : {}),
    // An out-of-range count is shown back as typed, next to the error that names it.
    ...(Number.isInteger(count) && Math.abs(count) <= 1_000_000 ? { count } : {}),
    ...(participants.ok && participants.value !== undefined ? { participants: participants.value } : {}),
    // Hours that could not be read are shown back as typed, next to the error that names them.
    ...(hours.ok && hours.value !== undefined ? { hours: hours.value } : hoursTyped ? { hours: hoursTyped } : {}),
    ...(note && note.length <= MAX_NOTE_LENGTH ? { note } : {}),
  };
  // The form comes back with the error on it and what was filled in kept, in place of the one sent.
  const agreements = await turn.records.agreements();
  const again = (error: string, keep = prefill): Reply[] | Promise<Reply[]> => {
    const formAgreement = keep.date !== '' ? agreementForDate(agreements, keep.date) : undefined;
    return logForm(turn, formAgreement, { ...keep, error: `${error} ${NOTHING_STORED}` }, true);
  };

  // Before anything is shown back: a personnummer must never be echoed into the card.
  const personal = personalDataRefusal(note, place) ?? phoneNumberRefusal(turn.today, note, place);
  if (personal) {
    const { note: _note, place: _place, ...rest } = prefill;
    return again(personal.replace(` ${NOTHING_STORED}`, ''), rest);
  }
  if (!read.ok) {
    return again(
      read.reason === 'ambiguous'
        ? `Datumet "${written.slice(0, 20)}" kan vara ${formatSwedishDate(read.readings[0])} eller ${formatSwedishDate(read.readings[1])}. Välj datumet igen.`
        : read.reason === 'nonexistent'
          ? `Datumet "${written.slice(0, 20)}" finns inte. Välj datumet igen.`
          : `Datumet "${written.slice(0, 20)}" går inte att läsa. Välj datumet igen.`,
    );
  }
  if (date > turn.today) return again(`${formatSwedishDate(date)} har inte varit än – logga det som har hänt.`);
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT)
    return again(`Antalet ska vara ett heltal från 1 till ${MAX_COUNT}.`);
  if (!participants.ok) return again(participants.error);
  if (!hours.ok) return again(hours.error);
  if (place && place.length > 80) return again('Platsen får vara högst 80 tecken.');
  if (note && note.length > MAX_NOTE_LENGTH)
    return again(`Anteckningen får vara högst ${MAX_NOTE_LENGTH} tecken (den var ${note.length}).`);
  if (!form.activityId) return again('Välj en aktivitet.');
  const agreement = agreementForDate(agreements, date);
  if (!agreement) return again(`Inget medborgarlöfte gäller ${formatSwedishDate(date)}.`);
  const activity = agreement.activities.find((a) => a.id === form.activityId);
  if (!activity)
    return again(`Aktiviteten finns inte i ${agreement.title}; välj en som gör det, eller ett annat datum.`);
  if (form.entryId) {
    const original = (await turn.records.allEntries()).find((e) => e.id === form.entryId);
    if (!original || original.removed) return again('Insatsen finns inte längre; skriv /mina för dina insatser.');
    if (original.by.id !== personOf(turn).id) return again('Bara den som loggade insatsen kan ändra den.');
    if (original.agreementId !== agreement.id) {
      return again(
        `Datumet ligger i ${agreement.title}. En insats kan bara flyttas inom sitt medborgarlöfte: ta bort den och logga på nytt.`,
      );
    }
    const outcome = await editEntry(
      turn,
      { entry: original, agreement, activity },
      {
        activityId: activity.id,
        date,
        count,
        ...(place ? { place } : {}),
        // A form without the fields (sent before they existed) keeps the entry's values.
        ...optionalField('hours', form.hours === undefined ? original.hours : hours.value),
        ...optionalField('participants', form.participants === undefined ? original.participants : participants.value),
        ...(note ? { note } : {}),
      },
      'edit',
    );
    if (outcome.kind === 'refused') return again(`${outcome.why} Skriv /mina för dina insatser.`);
    return [await entryCard(turn, outcome.found, outcome.kind === 'changed' ? 'edited' : 'unchanged', true)];
  }
  const draft: EntryDraft = {
    agreement,
    activity,
    date,
    count,
    sourceId: `form:${form.formId}:${personOf(turn).id}`,
    ...(place ? { place } : {}),
    ...optionalField('hours', hours.value),
    ...optionalField('participants', participants.value),
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
  const result = await recordEntry(turn, draft);
  if (!result.ok) {
    // A personnummer must not be echoed back into the card (the card is a stored Teams message).
    const { note: _dropped, place: _alsoDropped, ...rest } = prefill;
    return again(result.refusal.replace(` ${NOTHING_STORED}`, ''), result.personalData ? rest : prefill);
  }
  return [await loggedReply(turn, result.entry, agreement, activity, result.stored, true)];
}

/** `{ [key]: value }`, or nothing when the value is undefined (the store leaves out absent fields). */
function optionalField<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}

async function pageAction(turn: Turn, value: unknown): Promise<Reply[]> {
  const parsed = pageSchema.safeParse(value);
  if (!parsed.success) return [text(UNREADABLE_CARD)];
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
  if (!parsed.success) return [text('Jag känner inte igen den knappen. Skriv /hjälp för att se vad jag kan.')];
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
