// Proactive sends over the Bot Framework REST API: POST {serviceUrl}/v3/conversations/{id}/activities.
//
// adapter.continueConversationAsync would work too, also without an app id (its empty credentials
// sign nothing), but it answers with a turn context, not a delivery: failures come back as the
// azure pipeline's RestError, and its ConnectorClient has no request timeout, so a hung connector
// would hang the send. The retry policy (src/scheduler/retry.ts) needs the plain status, the
// Retry-After header and a timeout; one POST with fetch gives all three, and works the same against
// Teams, the Bot Framework Emulator and the Agents Playground. With an app id the request carries the
// bot's token, which the SDK in use gives (src/bot or src/bot-agents, from the same credentials its
// adapter uses); without one (local trial) it carries none, as the Emulator and the Playground expect.
// The Agents SDK's continueConversation has the same drawbacks, so both SDKs send through this one module.
import type { DeliveryResult, Notifier, OpenResult } from '../app/notifier.js';
import type { Reply } from '../app/ports.js';
import { ADAPTIVE_CARD_CONTENT_TYPE } from './activity.js';
import { readStoredReference, type StoredReference } from './conversationReference.js';

const DEFAULT_SEND_TIMEOUT_MS = 15_000;

export interface ConnectorNotifierOptions {
  /** Bearer token for the connector; undefined for local trial without an app id. */
  token?: () => Promise<string>;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /**
   * With authentication on: is this tenant's serviceUrl one that arrived on an authenticated
   * request? A reference pointing anywhere else is refused (never sent the bot's token or a card).
   */
  isTrusted?: (tenantId: string | undefined, serviceUrl: string) => boolean | Promise<boolean>;
}

/** All replies as one message: the text first, the cards as its attachments. One message is all or nothing. */
export function proactiveActivity(reference: StoredReference, replies: readonly Reply[]): Record<string, unknown> {
  const texts = replies.flatMap((r) => (r.kind === 'text' ? [r.text] : []));
  const cards = replies.flatMap((r) => (r.kind === 'card' ? [r] : []));
  return {
    type: 'message',
    ...(reference.bot ? { from: reference.bot } : {}),
    conversation: reference.conversation,
    ...(reference.channelId ? { channelId: reference.channelId } : {}),
    ...(texts.length > 0 ? { text: texts.join('\n\n'), textFormat: 'markdown' } : {}),
    ...(cards.length > 0
      ? {
          attachments: cards.map((c) => ({ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: c.card })),
          attachmentLayout: 'list',
          summary: cards.map((c) => c.fallbackText).join(' '),
        }
      : {}),
  };
}

export function createConnectorNotifier(options: ConnectorNotifierOptions = {}): Notifier {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
  /** One POST to the connector, classified; the parsed body on 2xx. */
  const post = async (url: string, body: unknown): Promise<{ result: DeliveryResult; body?: string }> => {
    let response: Response;
    try {
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
      if (options.token) headers.authorization = `Bearer ${await options.token()}`;
      response = await doFetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const name = (error as Error).name;
      const detail =
        name === 'TimeoutError' || name === 'AbortError'
          ? `no answer within ${timeoutMs} ms`
          : `network: ${(error as Error).message}`;
      return { result: { kind: 'transient', detail } };
    }
    const text = await response.text().catch(() => '');
    return { result: classify(response.status, response.headers.get('retry-after') ?? undefined, text), body: text };
  };
  const refusal = async (reference: StoredReference): Promise<DeliveryResult | undefined> => {
    const tenantId = reference.conversation.tenantId;
    return options.isTrusted && !(await options.isTrusted(tenantId, reference.serviceUrl))
      ? {
          kind: 'rejected',
          detail: `refused: ${reference.serviceUrl} has not arrived on an authenticated request from tenant ${tenantId ?? '(none)'}; it is trusted once a signed message from that tenant comes through it`,
        }
      : undefined;
  };
  return {
    // POST {serviceUrl}/v3/conversations (Bot Framework REST API, "Create conversation"): Teams
    // answers with the personal chat's id, the same one each time for the same member.
    async openPersonal(rawVia: unknown, memberId: string): Promise<OpenResult> {
      const read = readStoredReference(rawVia);
      if (!read.ok) return { kind: 'rejected', detail: `unusable conversation reference: ${read.reason}` };
      const via = read.reference;
      const refused = await refusal(via);
      if (refused && refused.kind !== 'sent') return refused;
      const tenantId = via.conversation.tenantId;
      const { result, body } = await post(`${via.serviceUrl.replace(/\/+$/u, '')}/v3/conversations`, {
        isGroup: false,
        ...(via.bot ? { bot: via.bot } : {}),
        members: [{ id: memberId }],
        ...(tenantId ? { tenantId, channelData: { tenant: { id: tenantId } } } : {}),
      });
      if (result.kind !== 'sent') return result;
      const id = readId(body ?? '');
      if (!id) return { kind: 'rejected', detail: 'createConversation answered without a conversation id' };
      const reference: StoredReference = {
        version: via.version,
        serviceUrl: via.serviceUrl,
        ...(via.channelId ? { channelId: via.channelId } : {}),
        conversation: { id, conversationType: 'personal', ...(tenantId ? { tenantId } : {}) },
        ...(via.bot ? { bot: via.bot } : {}),
      };
      return { kind: 'opened', reference };
    },
    async send(rawReference: unknown, replies: readonly Reply[]): Promise<DeliveryResult> {
      const read = readStoredReference(rawReference);
      if (!read.ok) return { kind: 'rejected', detail: `unusable conversation reference: ${read.reason}` };
      const { reference } = read;
      const refused = await refusal(reference);
      if (refused) return refused;
      const url = `${reference.serviceUrl.replace(/\/+$/u, '')}/v3/conversations/${encodeURIComponent(reference.conversation.id)}/activities`;
      return (await post(url, proactiveActivity(reference, replies))).result;
    },
  };
}

export function classify(status: number, retryAfter: string | undefined, body: string): DeliveryResult {
  const detail = body.slice(0, 300);
  if (status >= 200 && status < 300) {
    const id = readId(body);
    return id ? { kind: 'sent', activityId: id } : { kind: 'sent' };
  }
  if (status === 429)
    return retryAfter !== undefined ? { kind: 'throttled', status, retryAfter } : { kind: 'throttled', status };
  if (status === 403 || status === 404) return { kind: 'gone', status, detail };
  if (status === 408 || status >= 500)
    return { kind: 'transient', status, detail, ...(retryAfter !== undefined ? { retryAfter } : {}) };
  return { kind: 'rejected', status, detail };
}

function readId(body: string): string | undefined {
  try {
    const id = (JSON.parse(body) as { id?: unknown }).id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}
