// Where a question card's buttons come from, so that a click can stand for the message it answers.
import type { Entry } from '../domain/entry.js';
import { personOf, type Turn } from './context.js';

/**
 * What a question's buttons say about where they come from: a new request id and, for a new log
 * typed as a message, that message's id and writer. A click by the writer then logs with the
 * message's source id, so a redelivery of the message, or an edit or deletion of it in Teams,
 * finds the entry the click made.
 */
export function questionOrigin(
  turn: Turn,
  editing?: Entry,
): { requestId: string; messageId?: string; writer?: string } {
  const messageId = turn.input.activityId;
  return {
    requestId: turn.deps.newId(),
    ...(messageId && !editing && turn.input.value === undefined ? { messageId, writer: personOf(turn).id } : {}),
  };
}
