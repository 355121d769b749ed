// The area a subscribed conversation's weekly summary comes from: what a turn there would see,
// or, when it would be asked, the area it subscribed in.
import { resolveArea } from '../domain/area.js';
import type { Subscription } from '../domain/subscription.js';
import type { StorePort } from './storePort.js';

/** The area id, or undefined when no area applies (its tenant is in no area, or it must choose). */
export function subscriptionArea(store: StorePort, subscription: Subscription): string | undefined {
  const resolution = resolveArea({
    areas: store.areas(),
    tenantId: subscription.tenantId,
    conversationBinding: store.binding('conversation', subscription.conversationId),
    teamBinding:
      subscription.conversationKind === 'channel' && subscription.teamId
        ? store.binding('team', subscription.teamId)
        : undefined,
  });
  if (resolution.kind === 'area') return resolution.area.id;
  if (resolution.kind === 'ask') return resolution.areas.find((a) => a.id === subscription.areaId)?.id;
  return undefined;
}
