// "Redan loggat idag – logga igen?": the same person logging the same activity, day and place as
// their last entry is more often a message sent twice by hand than a second occasion, so the bot
// asks before it stores. A redelivered message or a form sent twice never gets here: they carry
// the same source id as the stored entry and are answered with it, as before.
import { givenDetails, type Entry } from '../domain/entry.js';
import { fold } from '../domain/text.js';
import { repeatCancelledData, repeatCard, repeatCardData } from '../views/repeatCard.js';
import { personOf, type Turn } from './context.js';
import { card, replaceCard, type Reply } from './ports.js';
import { questionOrigin } from './questionOrigin.js';
import type { EntryDraft } from './recordEntry.js';

/** The person's latest active entry (by when it was logged), when it is of the draft's activity, day and place. */
async function repeatedEntry(turn: Turn, draft: EntryDraft): Promise<Entry | undefined> {
  const latest = await turn.records.latestEntryBy(personOf(turn).id);
  if (!latest) return undefined;
  const samePlace = fold(latest.place ?? '') === fold(draft.place ?? '');
  return latest.activityId === draft.activity.id && latest.date === draft.date && samePlace ? latest : undefined;
}

/**
 * The question to ask instead of storing `draft`, or undefined to store it. No question when the
 * draft's source is already stored (a redelivery: the caller answers with that entry). `replace`
 * puts the question where the submitted form was.
 */
export async function repeatQuestion(turn: Turn, draft: EntryDraft, replace = false): Promise<Reply | undefined> {
  if (draft.sourceId && (await turn.records.findBySource(draft.sourceId))) return undefined;
  if (!(await repeatedEntry(turn, draft))) return undefined;
  const data = repeatCardData(
    {
      verb: 'log.choose',
      ...questionOrigin(turn),
      agreementId: draft.agreement.id,
      activityId: draft.activity.id,
      date: draft.date,
      count: draft.count,
      ...givenDetails(draft),
      // Logging one's own again is another time the work was done, never someone else's occasion.
      newOccasion: true,
    },
    draft.activity,
    turn.today,
  );
  return (replace ? replaceCard : card)(repeatCard(data), `${data.heading} ${data.question}`);
}

/** "Avbryt" on the question: nothing is stored, and the question says so where it stands. */
export function repeatCancelled(): Reply[] {
  const data = repeatCancelledData();
  return [replaceCard(repeatCard(data), data.question)];
}
