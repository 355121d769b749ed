// Sends each due subscription its weekly summary, as one new message in its conversation.
//
// Exactly once per subscription per ISO week, as far as a network allows: a week is recorded in
// subscriptions.json only after the connector answered 2xx (write-then-acknowledge). A crash
// between that answer and the write would send the week again after the restart: we choose
// at-least-once, because a duplicate summary is a small annoyance and a silently missing one is
// what this bot must never do. The window is the few milliseconds of one file write. Within one
// process, a week once accepted is never sent again, even if recording it failed.
//
// Several instances on one store: before a card is made, its (subscription, week) is claimed in the
// store (subscriptions.claimWeek), so one instance sends it. A claim lapses after CLAIM_TTL_MS
// without a recorded send (its instance died): another instance then claims and sends it.
import type { Logger, Reply } from '../app/ports.js';
import { auditDetailTexts } from '../views/auditDetailTexts.js';
import { render } from '../views/catalogue.js';
import { weeklySummaryReplies, type WeeklyCardRequest } from '../app/weeklySummary.js';
import { SYSTEM_ACTOR } from '../domain/audit.js';
import { temporaryBlock } from '../domain/deliveryBlock.js';
import { stockholmDate } from '../domain/calendar.js';
import { dueWeek, type IsoWeekKey } from '../domain/schedule.js';
import { lastCardOf, scheduleStateOf, type Subscription } from '../domain/subscription.js';
import { weeklyCardDays, type SentCard } from '../domain/weeklyCard.js';
import { subscriptionArea } from '../app/subscriptionArea.js';
import type { StorePort } from '../app/port/index.js';
import type { ProactiveJobDeps } from './jobDeps.js';
import { Pacer, TEAMS_LIMITS, type PacingLimits } from './pacer.js';
import { DEFAULT_RETRY_POLICY, withRetry } from './retry.js';

export interface WeeklySummaryDeps extends ProactiveJobDeps {
  limits?: PacingLimits;
  /** After a delivery gave up (retries spent, a refusal): how long before the next ticks try again. */
  cooldownMs?: number;
  /** One subscription's weekly card from its area's records (default: weeklySummaryReplies). */
  summary?: (port: StorePort, areaId: string, request: WeeklyCardRequest) => Reply[] | Promise<Reply[]>;
}

/** claimedElsewhere: another instance sharing the store holds the week's claim. */
type DeliveryOutcome = 'sent' | 'paused' | 'gone' | 'failed' | 'cancelled' | 'claimedElsewhere';

export interface DeliveryReport {
  subscriptionId: string;
  conversationId: string;
  week: IsoWeekKey;
  outcome: DeliveryOutcome;
  attempts: number;
  status?: number;
}

const DEFAULT_COOLDOWN_MS = 15 * 60_000;

/**
 * How long a week's claim holds without a recorded send. Longer than a delivery can take (6
 * attempts, each Retry-After at most 5 minutes, with the default policy), so a slow delivery is
 * never taken over; short enough that a week whose instance died goes out the same morning.
 */
const CLAIM_TTL_MS = 60 * 60_000;
/** After a claim held elsewhere: when this instance looks again (the claim may lapse). */
const CLAIMED_ELSEWHERE_WAIT_MS = 60_000;

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class WeeklySummaries {
  readonly #inFlight = new Set<string>();
  readonly #sentInProcess = new Set<string>();
  readonly #coolingUntil = new Map<string, number>();
  /** The weeks this instance claimed ("id|week"), and when: a retry within the claim needs no new one. */
  readonly #claimed = new Map<string, number>();
  readonly #pacer: Pacer;
  readonly #sleep: (ms: number) => Promise<void>;
  #stopped = false;

  constructor(private readonly deps: WeeklySummaryDeps) {
    this.#sleep = deps.sleep ?? realSleep;
    this.#pacer = new Pacer(deps.limits ?? TEAMS_LIMITS, () => deps.clock.now().getTime(), this.#sleep);
  }

  /** Subscriptions due now that no delivery is working on, with the week each is due for. */
  async due(now: Date): Promise<{ subscription: Subscription; week: IsoWeekKey }[]> {
    const out: { subscription: Subscription; week: IsoWeekKey }[] = [];
    for (const subscription of await this.deps.port.subscriptions.active()) {
      const week = dueWeek(scheduleStateOf(subscription), now);
      if (week === undefined) continue;
      if (this.#inFlight.has(subscription.id) || this.#sentInProcess.has(`${subscription.id}|${week}`)) continue;
      if ((this.#coolingUntil.get(subscription.id) ?? 0) > now.getTime()) continue;
      // Blocked for this week (BotDisabledByAdmin, an app policy): tried again next week.
      if (subscription.paused?.week === week) continue;
      // The team is archived: nothing can be posted until Teams says it is unarchived.
      if (subscription.held) continue;
      out.push({ subscription, week });
    }
    return out;
  }

  /** Starts a delivery for every due subscription and resolves when they have all ended. Never rejects. */
  async tick(): Promise<DeliveryReport[]> {
    if (this.#stopped) return [];
    const now = this.deps.clock.now();
    // Read, then claimed in one synchronous step: a tick that read meanwhile sees them in flight.
    const due = (await this.due(now)).filter(({ subscription }) => !this.#inFlight.has(subscription.id));
    for (const { subscription } of due) this.#inFlight.add(subscription.id);
    // Each card is taken now: what is on record at this instant is what it reports, and the next
    // card of the subscription starts after it (weeklyCard.ts). Cards with the same days and the
    // same card before them are the same (weeklySummaryReplies builds them once).
    const sendDay = stockholmDate(now);
    const cardOf = (areaId: string, subscription: Subscription) => async () => {
      const previous = lastCardOf(subscription);
      const request: WeeklyCardRequest = { sendDay, cutAt: now, previous };
      const replies = await (this.deps.summary ?? weeklySummaryReplies)(this.deps.port, areaId, request);
      const card: SentCard = { through: weeklyCardDays(sendDay, previous).end, cutAt: now };
      return { replies, card };
    };
    return Promise.all(
      due.map(async ({ subscription, week }): Promise<DeliveryReport> => {
        const areaId = await subscriptionArea(this.deps.port.areas, subscription);
        if (areaId === undefined) {
          this.#coolingUntil.set(subscription.id, now.getTime() + (this.deps.cooldownMs ?? DEFAULT_COOLDOWN_MS));
          this.#inFlight.delete(subscription.id);
          this.deps.logger.warn(
            { subscriptionId: subscription.id, conversationId: subscription.conversationId },
            'weekly summary not sent: no area applies to the conversation (its tenant is in no area, or it must choose one)',
          );
          return {
            subscriptionId: subscription.id,
            conversationId: subscription.conversationId,
            week,
            outcome: 'failed',
            attempts: 0,
          };
        }
        return this.deliver(subscription, week, now, cardOf(areaId, subscription));
      }),
    );
  }

  /** No new deliveries; those waiting to retry stop at their next wake-up. */
  stop(): void {
    this.#stopped = true;
  }

  /**
   * True when this instance may send the week: it claimed it now, or holds a claim young enough
   * for a whole delivery (a retry after a failure). False while another instance's claim holds.
   */
  private async claim(id: string, week: IsoWeekKey, now: Date): Promise<boolean> {
    const key = `${id}|${week}`;
    const policy = this.deps.retryPolicy ?? DEFAULT_RETRY_POLICY;
    const longestDelivery = policy.maxAttempts * policy.maxRetryAfterMs;
    for (const [k, at] of this.#claimed) if (now.getTime() - at >= CLAIM_TTL_MS) this.#claimed.delete(k);
    const held = this.#claimed.get(key);
    if (held !== undefined && now.getTime() - held + longestDelivery < CLAIM_TTL_MS) return true;
    if (!(await this.deps.port.subscriptions.claimWeek(id, week, now, CLAIM_TTL_MS))) return false;
    this.#claimed.set(key, now.getTime());
    return true;
  }

  private async deliver(
    subscription: Subscription,
    week: IsoWeekKey,
    now: Date,
    summary: () => Promise<{ replies: Reply[]; card: SentCard }>,
  ): Promise<DeliveryReport> {
    const { clock } = this.deps;
    const log = this.deps.logger.child({
      subscriptionId: subscription.id,
      conversationId: subscription.conversationId,
      week,
    });
    const report = reportOf(subscription, week);
    try {
      if (!(await this.claim(subscription.id, week, now))) {
        this.#coolingUntil.set(subscription.id, now.getTime() + CLAIMED_ELSEWHERE_WAIT_MS);
        log.debug({}, 'weekly summary claimed by another instance');
        return report('claimedElsewhere', 0);
      }
      const { replies, card } = await summary();
      const { result, attempts, cancelled } = await this.send(subscription, replies, log);
      const status = 'status' in result ? result.status : undefined;
      if (cancelled) {
        log.info({ attempts }, 'weekly summary delivery stopped: the subscription ended or the bot is stopping');
        return report('cancelled', attempts, status);
      }
      switch (result.kind) {
        case 'sent': {
          const at = await this.recordSent(subscription, week, card, log);
          log.info(
            { attempts, activityId: result.activityId, delayMs: at.getTime() - now.getTime() },
            'weekly summary sent',
          );
          return report('sent', attempts);
        }
        case 'gone':
          return report(await this.recordGone(subscription, week, result, log), attempts, result.status);
        default: {
          const cooldownMs = this.deps.cooldownMs ?? DEFAULT_COOLDOWN_MS;
          this.#coolingUntil.set(subscription.id, clock.now().getTime() + cooldownMs);
          log.error(
            { attempts, result, retryInMs: cooldownMs },
            'weekly summary not delivered; trying again later this week',
          );
          return report('failed', attempts, status);
        }
      }
    } catch (error) {
      this.#coolingUntil.set(subscription.id, clock.now().getTime() + (this.deps.cooldownMs ?? DEFAULT_COOLDOWN_MS));
      log.error({ err: error }, 'weekly summary delivery failed');
      return report('failed', 0);
    } finally {
      this.#inFlight.delete(subscription.id);
    }
  }

  /** The card sent to the conversation, paced and retried while the subscription lasts and the job runs. */
  private send(subscription: Subscription, replies: Reply[], log: Logger) {
    const { port: store, clock, notifier } = this.deps;
    return withRetry(
      async () => {
        await this.#pacer.acquire(subscription.conversationId, subscription.tenantId);
        return notifier.send(subscription.reference, replies);
      },
      {
        policy: this.deps.retryPolicy ?? DEFAULT_RETRY_POLICY,
        now: () => clock.now(),
        sleep: this.#sleep,
        random: this.deps.random ?? Math.random,
        proceed: async () => !this.#stopped && (await store.subscriptions.get(subscription.id))?.ended === undefined,
        onRetry: ({ attempt, result: r, delayMs }) =>
          log.warn(
            { attempt, result: r, delayMs },
            r.kind === 'throttled' ? 'weekly summary throttled (429); retrying' : 'weekly summary failed; retrying',
          ),
      },
    );
  }

  /** The week recorded as sent (never sent again by this process, even if the write fails); returns when it was sent. */
  private async recordSent(subscription: Subscription, week: IsoWeekKey, card: SentCard, log: Logger): Promise<Date> {
    const at = this.deps.clock.now();
    this.#sentInProcess.add(`${subscription.id}|${week}`);
    try {
      // Sent after a pause: the pause is over, recorded with the week sent (the store adds the ids).
      await this.deps.port.subscriptions.recordSent(
        subscription.id,
        week,
        at,
        card,
        subscription.paused
          ? {
              at: at.toISOString(),
              by: SYSTEM_ACTOR,
              via: 'system',
              action: 'subscription.resumed',
              detail: render(auditDetailTexts, {
                code: 'auditDetail.resumedAfterPause',
                block: subscription.paused.code,
                week: subscription.paused.week,
              }),
            }
          : undefined,
      );
    } catch (error) {
      log.error({ err: error }, 'weekly summary sent but not recorded: a restart this week may send it again');
    }
    return at;
  }

  /**
   * Teams refused the conversation: blocked for now (an admin's policy) pauses the subscription for
   * the week; otherwise the bot is gone from it and the subscription ends.
   */
  private async recordGone(
    subscription: Subscription,
    week: IsoWeekKey,
    result: { status: number; detail: string },
    log: Logger,
  ): Promise<'paused' | 'gone'> {
    const store = this.deps.port;
    const at = this.deps.clock.now().toISOString();
    const detail = `HTTP ${result.status}: ${result.detail}`.slice(0, 500);
    const block = temporaryBlock(result.status, result.detail);
    if (block) {
      await store.subscriptions.pause(
        subscription.id,
        { at, week, code: block, detail },
        { at, by: SYSTEM_ACTOR, via: 'system', action: 'subscription.paused', detail: `${block} vecka ${week}` },
      );
      log.warn({ status: result.status, code: block }, 'weekly summary blocked for now: paused for this week');
      return 'paused';
    }
    await store.subscriptions.end(
      subscription.conversationId,
      { at, reason: 'unreachable', detail },
      {
        at,
        by: SYSTEM_ACTOR,
        via: 'system',
        action: 'subscription.ended',
        detail: `unreachable: HTTP ${result.status}`,
      },
    );
    log.warn(
      { status: result.status, detail: result.detail },
      'conversation unreachable (bot removed or conversation gone): subscription ended',
    );
    return 'gone';
  }
}

/** The report of one delivery of the subscription's week. */
function reportOf(subscription: Subscription, week: IsoWeekKey) {
  return (outcome: DeliveryOutcome, attempts: number, status?: number): DeliveryReport => ({
    subscriptionId: subscription.id,
    conversationId: subscription.conversationId,
    week,
    outcome,
    attempts,
    ...(status !== undefined ? { status } : {}),
  });
}
