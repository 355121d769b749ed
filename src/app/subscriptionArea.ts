// The area a subscribed conversation's weekly summary comes from: what a turn there would see,
// or, when it would be asked, the area it subscribed in.
import { resolveArea } from '../domain/area.js';
import type { Subscription } from '../domain/subscription.js';
import type { AreaDirectory } from './port/index.js';

/** The area id, or undefined when no area applies (its tenant is in no area, or it must choose). */
export async function subscriptionArea(areas: AreaDirectory, subscription: Subscription): Promise<string | undefined> {
  const resolution = resolveArea({
    areas: await areas.areas(),
    tenantId: subscription.tenantId,
    conversationBinding: await areas.binding('conversation', subscription.conversationId),
    teamBinding:
      subscription.conversationKind === 'channel' && subscription.teamId
        ? await areas.binding('team', subscription.teamId)
        : undefined,
  });
  if (resolution.kind === 'area') return resolution.area.id;
  if (resolution.kind === 'ask') return resolution.areas.find((a) => a.id === subscription.areaId)?.id;
  return undefined;
}
