// Keeps proactive sends under Teams' limits: about 7 messages a second per conversation and about
// 30 requests a second per tenant. Every attempt (retries too) takes a slot: slots for the same
// conversation are spaced 1/7 s apart, for the same tenant 1/30 s apart, and a caller waits for
// the first slot free on both. Spacing is stricter than a sliding window, and simpler to trust.

export interface PacingLimits {
  perConversationPerSecond: number;
  perTenantPerSecond: number;
}

export const TEAMS_LIMITS: PacingLimits = Object.freeze({ perConversationPerSecond: 7, perTenantPerSecond: 30 });

export class Pacer {
  readonly #nextFree = new Map<string, number>();

  constructor(
    private readonly limits: PacingLimits,
    private readonly now: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {}

  /** Waits for, and takes, the next slot for the conversation in the tenant. */
  async acquire(conversationId: string, tenantId: string | undefined): Promise<void> {
    const now = this.now();
    this.forgetPast(now);
    const conversationKey = `c:${conversationId}`;
    // Conversations without a tenant (the Emulator, the Playground) share one budget.
    const tenantKey = `t:${tenantId ?? ''}`;
    const slot = Math.max(now, this.#nextFree.get(conversationKey) ?? now, this.#nextFree.get(tenantKey) ?? now);
    // Whole milliseconds, rounded up: 30 slots of 33.33… ms would put the 31st inside the second.
    this.#nextFree.set(conversationKey, slot + Math.ceil(1000 / this.limits.perConversationPerSecond));
    this.#nextFree.set(tenantKey, slot + Math.ceil(1000 / this.limits.perTenantPerSecond));
    if (slot > now) await this.sleep(slot - now);
  }

  private forgetPast(now: number): void {
    if (this.#nextFree.size < 1000) return;
    for (const [key, at] of this.#nextFree) if (at <= now) this.#nextFree.delete(key);
  }
}
