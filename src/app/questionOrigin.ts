// Where a question card's buttons come from, so that a click can stand for the message it answers.
import type { Entry } from '../domain/entry.js';
import { personOf, type Turn } from './context.js';

/**
 * What a question's buttons say about where they come from: a new request id, the writer (id and
 * display name) whose message or form the question answers, and, for a new log typed as a message,
 * that message's id. Only the writer's click answers the question (in a channel anyone sees the
 * buttons); the writer's click on a question about a typed message logs with the message's source
 * id, so a redelivery of the message, or an edit or deletion of it in Teams, finds the entry.
 */
export function questionOrigin(
  turn: Turn,
  editing?: Entry,
): { requestId: string; messageId?: string; writer: string; writerName: string } {
  const messageId = turn.input.activityId;
  const writer = personOf(turn);
  return {
    requestId: turn.deps.newId(),
    writer: writer.id,
    writerName: writer.name,
    ...(messageId && !editing && turn.input.value === undefined ? { messageId } : {}),
  };
}
