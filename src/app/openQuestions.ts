// The question the bot last asked someone about a log they typed ("Vilken dag menar du?", "Vilken
// aktivitet menar du?", "Redan loggat idag – logga igen?", "Var du med där?"), kept so that a typed answer ("nej, i fredags") can answer it as a click
// would. The card carries everything its buttons need; this is only what the typed answer needs.
// Kept in the running process, per conversation and person, for CORRECTION_WINDOW_MINUTES: a
// restart (or another instance) forgets it, and the card's buttons still work.
import { CORRECTION_WINDOW_MINUTES } from '../domain/correction.js';
import type { LogRequest, WhichDay } from '../domain/logRequest.js';
import { personOf, type AppDeps, type Turn } from './context.js';
import type { CheckedDraft } from './recordEntry.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type OpenQuestion = (
  | {
      kind: 'log';
      /** What the message said, as the log parser read it. */
      request: LogRequest;
      /** Present when the question is which day: the candidate days and the question asked. */
      whichDay?: WhichDay;
    }
  /** "Logga igen?": the entry the message would make. */
  | { kind: 'repeat'; draft: CheckedDraft }
  /** "Var du med där?": the entry the message would make, and the occasion someone else logged. */
  | { kind: 'occasion'; draft: CheckedDraft; occasionId: string }
) & {
  /** The Teams message the question answers: an entry made from the answer is that message's. */
  messageId?: string;
  /** When it was asked (ms since the epoch). */
  askedAt: number;
};

/** More open questions than this in one process are the oldest forgotten (a question is cheap to ask again). */
const MAX_KEPT = 5000;

const questions = new WeakMap<AppDeps, Map<string, OpenQuestion>>();

function keyOf(turn: Turn): string {
  return `${turn.area.id}|${turn.input.conversation.id}|${personOf(turn).id}`;
}

/** Remembers the question just asked in this conversation to this person (replacing an earlier one). */
export function rememberQuestion(turn: Turn, question: DistributiveOmit<OpenQuestion, 'askedAt'>): void {
  let open = questions.get(turn.deps);
  if (!open) questions.set(turn.deps, (open = new Map<string, OpenQuestion>()));
  const key = keyOf(turn);
  open.delete(key);
  if (open.size >= MAX_KEPT) {
    const oldest = open.keys().next().value;
    if (oldest !== undefined) open.delete(oldest);
  }
  open.set(key, { ...question, askedAt: turn.now.getTime() });
}

/** The question open to this person here, asked within CORRECTION_WINDOW_MINUTES; undefined otherwise. */
export function openQuestion(turn: Turn): OpenQuestion | undefined {
  const question = questions.get(turn.deps)?.get(keyOf(turn));
  if (!question) return undefined;
  const age = turn.now.getTime() - question.askedAt;
  return age >= 0 && age <= CORRECTION_WINDOW_MINUTES * 60_000 ? question : undefined;
}

/** The question was answered (by a typed answer or a click): a later correction is about the entry. */
export function forgetQuestion(turn: Turn): void {
  questions.get(turn.deps)?.delete(keyOf(turn));
}
