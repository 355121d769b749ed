// Card templates are data (cards/*.json); this module binds typed data into them. The templates
// are read once, relative to this module, which resolves the same from src/ and from dist/.
import { readFileSync } from 'node:fs';
import { Template } from 'adaptivecards-templating';

/** Every template in cards/; each has a typed data model in the view that expands it. */
export const CARD_NAMES = [
  'help',
  'logged',
  'choose-activity',
  'log-form',
  'status',
  'summary',
  'mine',
  'follow-up',
  'follow-up-review',
  'welcome',
  'choose-area',
  'import-form',
  'import-draft',
  'import-activity',
] as const;
export type CardName = (typeof CARD_NAMES)[number];

/** An expanded Adaptive Card, ready to send. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  version: string;
  body: unknown[];
  actions?: unknown[];
  [key: string]: unknown;
}

const cache = new Map<CardName, unknown>();

function template(name: CardName): unknown {
  let json = cache.get(name);
  if (json === undefined) {
    json = JSON.parse(readFileSync(new URL(`../../cards/${name}.json`, import.meta.url), 'utf8')) as unknown;
    cache.set(name, json);
  }
  return json;
}

export function expandCard<T extends object>(name: CardName, data: T): AdaptiveCard {
  const card = new Template(template(name)).expand({ $root: data }) as AdaptiveCard;
  return card;
}
