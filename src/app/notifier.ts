// The port for messages the bot starts itself (the weekly summary): one message, made of the
// replies, posted as a new message to a stored conversation. The bot layer implements it; the
// scheduler decides what each outcome means (retry, give up, end the subscription).
import type { Reply } from './ports.js';

export type DeliveryResult =
  | { kind: 'sent'; activityId?: string }
  /** 429: Teams is throttling. `retryAfter` is the header as sent (seconds or an HTTP date). */
  | { kind: 'throttled'; status: 429; retryAfter?: string }
  /** 403/404: the bot was removed or the conversation is gone; sending again will not help. */
  | { kind: 'gone'; status: number; detail: string }
  /** 5xx, 408, a timeout or a network failure: worth another try. */
  | { kind: 'transient'; status?: number; retryAfter?: string; detail: string }
  /** Any other refusal (400, 401, an unusable reference): another try would get the same answer. */
  | { kind: 'rejected'; status?: number; detail: string };

/** Opening a personal chat: the new chat's reference (stored as is), or why it could not be opened. */
export type OpenResult =
  { kind: 'opened'; reference: Record<string, unknown> } | Exclude<DeliveryResult, { kind: 'sent' }>;

export interface Notifier {
  send(reference: unknown, replies: readonly Reply[]): Promise<DeliveryResult>;
  /**
   * Opens (or finds) the bot's personal chat with a member (Bot Framework createConversation), in
   * the tenant and service of `via`, a stored reference of a conversation the member is in. Teams
   * answers 403 when the app is not installed for them.
   */
  openPersonal(via: unknown, memberId: string): Promise<OpenResult>;
}
