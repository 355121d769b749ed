// Card submits: a click on the ambiguity card, or the log form. The payload comes from a client
// and is checked like any other input before anything is stored.
import { z } from 'zod';
import { agreementForDate } from '../domain/agreement.js';
import { formatSwedishDate, isValidIsoDate } from '../domain/calendar.js';
import { MAX_COUNT, MAX_NOTE_LENGTH } from '../domain/logRequest.js';
import type { Turn } from './context.js';
import { logForm } from './logCommand.js';
import { text, type Reply } from './ports.js';
import { NOTHING_STORED, recordEntry } from './recordEntry.js';
import { subscribeAction } from './subscriptionCommands.js';

const choiceSchema = z.object({
  verb: z.literal('log.choose'),
  requestId: z.string().min(1).max(100),
  agreementId: z.string().min(1).max(100),
  activityId: z.string().min(1).max(100),
  date: z.string(),
  place: z.string().max(80).optional(),
  count: z.number().int().min(1).max(MAX_COUNT),
  hours: z.number().positive().max(24).optional(),
  note: z.string().max(MAX_NOTE_LENGTH).optional(),
});

// Adaptive Card inputs arrive as strings; an untouched optional input may be missing or "".
const formSchema = z.object({
  verb: z.literal('log.form'),
  formId: z.string().min(1).max(100),
  activityId: z.string().optional(),
  date: z.string().optional(),
  place: z.string().optional(),
  count: z.union([z.string(), z.number()]).optional(),
  note: z.string().optional(),
});

export const CARD_VERBS = ['log.choose', 'log.form', 'subscribe'] as const;

export async function cardAction(turn: Turn, value: unknown): Promise<Reply[]> {
  const verb = typeof value === 'object' && value !== null ? (value as { verb?: unknown }).verb : undefined;
  if (verb === 'log.choose') return chooseAction(turn, value);
  if (verb === 'log.form') return formAction(turn, value);
  if (verb === 'subscribe') return subscribeAction(turn, value);
  return [text('Jag känner inte igen det kortet. Skriv /hjälp för att se vad jag kan.')];
}

async function chooseAction(turn: Turn, value: unknown): Promise<Reply[]> {
  const parsed = choiceSchema.safeParse(value);
  if (!parsed.success || !isValidIsoDate(parsed.data.date)) {
    return [text(`Kortet skickade något jag inte kan läsa. Skriv kommandot igen. ${NOTHING_STORED}`)];
  }
  const choice = parsed.data;
  const agreement = turn.deps.store.agreement(choice.agreementId);
  const activity = agreement?.activities.find((a) => a.id === choice.activityId);
  if (!agreement || !activity) return [text(`Aktiviteten finns inte längre. Skriv kommandot igen. ${NOTHING_STORED}`)];
  return [
    text(
      await recordEntry(turn, {
        agreement,
        activity,
        date: choice.date,
        count: choice.count,
        sourceId: `choice:${choice.requestId}`,
        ...(choice.place ? { place: choice.place } : {}),
        ...(choice.hours !== undefined ? { hours: choice.hours } : {}),
        ...(choice.note ? { note: choice.note } : {}),
      }),
    ),
  ];
}

async function formAction(turn: Turn, value: unknown): Promise<Reply[]> {
  const parsed = formSchema.safeParse(value);
  if (!parsed.success) return [text(`Formuläret skickade något jag inte kan läsa. Skriv /logga för ett nytt. ${NOTHING_STORED}`)];
  const form = parsed.data;
  const place = form.place?.trim() || undefined;
  const note = form.note?.trim() || undefined;
  const date = form.date?.trim() || turn.today;
  const countText = typeof form.count === 'number' ? String(form.count) : form.count?.trim() || '1';
  const count = Number(countText);
  const prefill = {
    ...(form.activityId ? { activityId: form.activityId } : {}),
    date,
    ...(place ? { place } : {}),
    ...(note ? { note } : {}),
  };
  const again = (error: string): Reply[] => [text(`${error} ${NOTHING_STORED}`), ...logForm(turn, undefined, { ...prefill, error })];

  if (!isValidIsoDate(date)) return again(`Datumet "${date}" finns inte.`);
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) return again(`Antalet ska vara ett heltal från 1 till ${MAX_COUNT}.`);
  if (place && place.length > 80) return again('Platsen får vara högst 80 tecken.');
  if (note && note.length > MAX_NOTE_LENGTH) return again(`Anteckningen får vara högst ${MAX_NOTE_LENGTH} tecken.`);
  if (!form.activityId) return again('Välj en aktivitet.');
  const agreement = agreementForDate(turn.deps.store.agreements(), date);
  if (!agreement) return again(`Inget medborgarlöfte gäller ${formatSwedishDate(date)}.`);
  const activity = agreement.activities.find((a) => a.id === form.activityId);
  if (!activity) return again(`Aktiviteten finns inte i ${agreement.title}.`);
  return [
    text(
      await recordEntry(turn, {
        agreement,
        activity,
        date,
        count,
        sourceId: `form:${form.formId}`,
        ...(place ? { place } : {}),
        ...(note ? { note } : {}),
      }),
    ),
  ];
}
