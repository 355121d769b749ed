// "Var du med där?": a log of the same activity, day and place as an occasion someone else already
// logged is asked about before anything is stored (see src/domain/occasion.ts). The question
// answers the one who wrote the message or form, like every question card; either answer logs
// once, in place of the question.
import { addDays } from '../domain/calendar.js';
import { givenDetails } from '../domain/entry.js';
import { occasionToJoin, type Occasion } from '../domain/occasion.js';
import { occasionCard, occasionCardData, occasionFallback } from '../views/occasionCard.js';
import { personOf, type Turn } from './context.js';
import { card, replaceCard, type Reply } from './ports.js';
import { questionOrigin } from './questionOrigin.js';
import type { EntryDraft } from './recordEntry.js';

/** The occasion someone else logged that the draft may be part of; undefined when there is none. */
export async function occasionFor(turn: Turn, draft: EntryDraft): Promise<Occasion | undefined> {
  const occasions = await turn.records.occasionsOn(draft.agreement.id, draft.activity.id, draft.date);
  return occasionToJoin(
    occasions,
    { agreementId: draft.agreement.id, activityId: draft.activity.id, date: draft.date, place: draft.place },
    personOf(turn).id,
  );
}

/**
 * The question to ask instead of storing `draft`, or undefined to store it: no question when the
 * draft already says which occasion it is (an answer), when its source is already stored (a
 * redelivery or a second click: the caller answers with that entry), or when nobody else logged
 * the same. `replace` puts the question where the submitted card was; `messageId` is the typed
 * message an earlier question (which activity, which day) answered; `noteChecked` carries the
 * writer's "Spara ändå" about a name in the note on to the answer.
 */
export async function occasionQuestion(
  turn: Turn,
  draft: EntryDraft,
  replace = false,
  messageId?: string,
  noteChecked = false,
): Promise<Reply | undefined> {
  if (draft.occasion !== undefined) return undefined;
  if (draft.sourceId && (await turn.records.findBySource(draft.sourceId))) return undefined;
  const occasion = await occasionFor(turn, draft);
  if (!occasion) return undefined;
  const data = occasionCardData(
    {
      verb: 'log.choose',
      ...questionOrigin(turn),
      // A question asked after a click on another question still answers the typed message.
      ...(messageId ? { messageId } : {}),
      // The writer already chose "Spara ändå" about a name in the note: not asked again after this.
      ...(noteChecked ? { noteChecked: true } : {}),
      agreementId: draft.agreement.id,
      activityId: draft.activity.id,
      date: draft.date,
      count: draft.count,
      ...givenDetails(draft),
    },
    occasion,
    draft.activity,
    { today: turn.today, yesterday: addDays(turn.today, -1) },
  );
  return (replace ? replaceCard : card)(occasionCard(data), occasionFallback(data));
}
