// The one check of an activity where it enters (POST /api/messages), before either SDK's adapter
// or any turn sees it. The shapes follow the Agents SDK's own activity schema
// (@microsoft/agents-activity activityZodSchema: strings where it has strings), for the fields this
// bot reads; and it asks two things of it that the SDKs do not: a conversation to answer in
// (botbuilder runs a turn without one, and its answer then fails), and, for a message or a change
// to one, the person it comes from (an entry must name a real person, never "okänd").
// Only validated, never rebuilt: the body goes on as it came, so keys like `__proto__` are not
// copied into new objects.
import { z } from 'zod';
import type { InboundActivity } from './activity.js';

const text = z.string().optional();
const id = z.string().min(1).optional();

const account = z.looseObject({ id, name: text, aadObjectId: id });

const conversation = z.looseObject({
  id: z.string().min(1),
  conversationType: text,
  tenantId: text,
  name: text,
  isGroup: z.boolean().optional(),
});

const entity = z.looseObject({ type: text, text, mentioned: z.looseObject({ id: text, name: text }).optional() });

const activitySchema = z.looseObject({
  type: z.string().min(1),
  id,
  action: text,
  name: text,
  channelId: text,
  serviceUrl: text,
  locale: text,
  text,
  replyToId: text,
  deliveryMode: text,
  from: account.optional(),
  recipient: account.optional(),
  conversation,
  entities: z.array(entity).optional(),
  membersAdded: z.array(account).optional(),
  membersRemoved: z.array(account).optional(),
});

/** Activities that carry what a person wrote, and so may store something in that person's name. */
const FROM_A_PERSON: ReadonlySet<string> = new Set(['message', 'messageUpdate', 'messageDelete']);

/** Why an activity was refused, for the log (never its content). */
export type InboundRefusal = { ok: false; reason: string };

/**
 * The request body as an activity this bot can answer, or why not: a JSON object whose fields have
 * the Bot Framework Activity schema's types (text a string, type a non-empty string, …), with a
 * conversation id, and, for message, messageUpdate and messageDelete, a sender with an id. The
 * host answers a refusal with 400 and runs no turn (as the Agents SDK does for a malformed activity).
 */
export function readInboundActivity(body: unknown): { ok: true; activity: InboundActivity } | InboundRefusal {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return refused('no activity in the request body');
  const checked = activitySchema.safeParse(body);
  if (!checked.success) {
    const paths = checked.error.issues.map((issue) => issue.path.join('.') || '(activity)');
    return refused(`malformed activity: ${[...new Set(paths)].join(', ')}`);
  }
  const activity = body as InboundActivity;
  if (FROM_A_PERSON.has(checked.data.type) && !checked.data.from?.id) return refused('a message without a sender');
  return { ok: true, activity };
}

function refused(reason: string): InboundRefusal {
  return { ok: false, reason };
}
