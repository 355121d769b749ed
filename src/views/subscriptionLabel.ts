// How /prenumerationer names a subscribed conversation: by the name Teams gave it, else by what it
// is and who subscribed there; never by a cut conversation id ("…ga@thread.v2"), which says nothing.
import { formatSwedishDate, stockholmDate } from '../domain/calendar.js';
import type { Subscription } from '../domain/subscription.js';
import { kindWord } from './scheduleTexts.js';

type Labelled = Pick<
  Subscription,
  'conversationId' | 'conversationKind' | 'conversationName' | 'teamId' | 'createdBy' | 'createdAt'
>;

/**
 * "SSG (kanal)"; without a name from Teams: "personlig chatt med Anna Andersson", "teamets
 * allmänna kanal" (Teams names no General channel), "gruppchatt utan namn, där Anna Andersson
 * prenumererade 15 oktober 2020".
 */
export function subscriptionLabel(s: Labelled): string {
  const name = s.conversationName?.trim();
  if (name) return `${name} (${kindWord(s.conversationKind)})`;
  const who = s.createdBy.name.trim();
  const since = formatSwedishDate(stockholmDate(new Date(s.createdAt)));
  switch (s.conversationKind) {
    case 'personal':
      return who ? `personlig chatt med ${who}` : 'en personlig chatt';
    case 'channel':
      if (s.teamId !== undefined && s.teamId === s.conversationId) return 'teamets allmänna kanal';
      return who
        ? `kanal utan namn, där ${who} prenumererade ${since}`
        : `kanal utan namn, prenumeration från ${since}`;
    case 'groupChat':
      return who
        ? `gruppchatt utan namn, där ${who} prenumererade ${since}`
        : `gruppchatt utan namn, prenumeration från ${since}`;
  }
}
