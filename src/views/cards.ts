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
  'import-agreement',
  'repeat',
  'reminder',
  'tertial-notice',
  'agenda',
  'note-question',
  'occasion',
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

// A Template parses every ${…} of its card with adaptive-expressions' ANTLR parser when it is made;
// expanding only evaluates. So each card is compiled once per process and expanded many times.
const compiled = new Map<CardName, Template>();

function template(name: CardName): Template {
  let t = compiled.get(name);
  if (t === undefined) {
    t = new Template(JSON.parse(readFileSync(new URL(`../../cards/${name}.json`, import.meta.url), 'utf8')) as unknown);
    compiled.set(name, t);
  }
  return t;
}

/** Binds `data` into cards/<name>.json (compiled on first use). Throws when an expression fails. */
export function expandCard<T extends object>(name: CardName, data: T): AdaptiveCard {
  return template(name).expand({ $root: data }) as AdaptiveCard;
}
