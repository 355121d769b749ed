import type { Subscription } from '../../src/domain/subscription.js';
import { subscriptionTexts } from '../../src/views/subscriptionTexts.js';
import { rendersEveryCode } from '../support/catalogue.js';

const now = new Date('2026-11-25T09:00:00Z');
const schedule = { weekday: 4, time: '07:30' } as const;
const subscription: Subscription = {
  id: 'sub-1',
  conversationId: 'conv-1',
  conversationKind: 'channel',
  conversationName: 'SSG',
  reference: {},
  weekday: 4,
  time: '07:30',
  since: '2026-11-01T09:00:00.000Z',
  createdBy: { id: 'u1', name: 'Anna Andersson' },
  createdAt: '2026-11-01T09:00:00.000Z',
  paused: { at: '2026-11-19T06:30:00.000Z', week: '2026-W47', code: 'BotDisabledByAdmin' },
};
const ended: Subscription = {
  ...subscription,
  id: 'sub-2',
  ended: { at: '2026-11-20T09:00:00.000Z', reason: 'unsubscribed', by: { id: 'u1', name: 'Anna Andersson' } },
};

rendersEveryCode('subscription', subscriptionTexts, {
  'subscribe.twoWeekdays': { code: 'subscribe.twoWeekdays', first: 4, second: 'fredag' },
  'subscribe.twoTimes': { code: 'subscribe.twoTimes', first: '07:30', second: '8.15' },
  'subscribe.badTime': { code: 'subscribe.badTime', word: '25:00' },
  'subscribe.notUnderstood': { code: 'subscribe.notUnderstood', word: 'halv' },
  'subscription.unreadableCard': { code: 'subscription.unreadableCard' },
  'subscription.cannotPost': { code: 'subscription.cannotPost' },
  'subscription.unchanged': { code: 'subscription.unchanged', kind: 'channel', schedule, next: now },
  'subscription.changed': {
    code: 'subscription.changed',
    kind: 'groupChat',
    schedule,
    before: { weekday: 1, time: '08:00' },
    next: now,
  },
  'subscription.created': { code: 'subscription.created', kind: 'personal', schedule, next: now },
  'subscription.none': { code: 'subscription.none', kind: 'personal' },
  'subscription.ended': { code: 'subscription.ended', kind: 'channel', schedule },
  'subscription.status': { code: 'subscription.status', subscription, now },
  'subscription.list': { code: 'subscription.list', area: 'Habo', active: [subscription], ended: [ended], now },
});
