// Microsoft's Adaptive Cards JS SDK as a card checker. Its `lib/` build does not load in Node
// (it reaches for the DOM while importing), but the UMD bundle `dist/adaptivecards.js` runs inside
// a jsdom window, which is all the parser and the property validation need.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { JSDOM } from 'jsdom';

type Sdk = typeof import('adaptivecards');

let sdk: Sdk | undefined;

function adaptiveCardsSdk(): Sdk {
  if (!sdk) {
    const bundle = readFileSync(createRequire(import.meta.url).resolve('adaptivecards/dist/adaptivecards.js'), 'utf8');
    const dom = new JSDOM('<!doctype html><html><body></body></html>', { runScripts: 'outside-only' });
    dom.window.eval(bundle);
    sdk = (dom.window as unknown as { AdaptiveCards: Sdk }).AdaptiveCards;
  }
  return sdk;
}

export interface CardCheck {
  /** Parse events (unknown types, properties beyond the version, bad values). */
  parseEvents: string[];
  /** Events from validateProperties() (missing labels, duplicate ids, …). */
  validationEvents: string[];
  /** Properties the SDK does not know (a typo, or a feature from another schema): hosts drop them silently. */
  unknownProperties: string[];
  /** `${…}` left in the card: a template binding that found no data. */
  unexpanded: string[];
  version: string;
  bytes: number;
}

/** Parses the card the way a host would (targeting schema 1.5) and reports everything the SDK says. */
function checkCard(card: unknown): CardCheck {
  const AC = adaptiveCardsSdk();
  const json = JSON.stringify(card);
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(JSON.parse(json) as object, context);
  const parseEvents: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    parseEvents.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  const validationEvents = parsed
    .validateProperties()
    .validationEvents.map((e) => `${AC.ValidationEvent[e.event]}: ${e.message}`);
  const unknownProperties = unknownPropertiesOf(JSON.parse(json) as unknown);
  const unexpanded = [...json.matchAll(/\$\{[^}]*\}/gu)].map((m) => m[0]);
  const version = (card as { version?: unknown }).version;
  return {
    parseEvents,
    validationEvents,
    unknownProperties,
    unexpanded,
    version: typeof version === 'string' ? version : '',
    bytes: Buffer.byteLength(json, 'utf8'),
  };
}

type Schemaful = { getSchema(): { getCount(): number; getItemAt(i: number): { name: string } } };

// Collections are parsed by their containers, outside the property schema.
const COLLECTIONS = new Set([
  'body',
  'actions',
  'items',
  'columns',
  'inlines',
  'facts',
  'choices',
  'images',
  'rows',
  'cells',
]);

const knownByType = new Map<string, Set<string> | undefined>();

function propertyNames(instance: Schemaful | undefined): Set<string> | undefined {
  if (!instance) return undefined;
  const schema = instance.getSchema();
  const names = new Set<string>(['type']);
  for (let i = 0; i < schema.getCount(); i++) names.add(schema.getItemAt(i).name);
  return names;
}

function knownProperties(kind: string): Set<string> | undefined {
  if (!knownByType.has(kind)) {
    const AC = adaptiveCardsSdk();
    const v = AC.Versions.v1_5;
    const make: Record<string, () => Schemaful> = {
      AdaptiveCard: () => new AC.AdaptiveCard(),
      Column: () => new AC.Column(),
      TextRun: () => new AC.TextRun(),
      '#fact': () => new AC.Fact(),
      '#choice': () => new AC.Choice(),
    };
    const instance =
      make[kind]?.() ??
      AC.GlobalRegistry.elements.createInstance(kind, v) ??
      AC.GlobalRegistry.actions.createInstance(kind, v);
    knownByType.set(kind, propertyNames(instance));
  }
  return knownByType.get(kind);
}

/** Walks the card JSON and names every property its element's SDK schema does not define. */
function unknownPropertiesOf(node: unknown, path = '', kind?: string): string[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => unknownPropertiesOf(item, `${path}[${i}]`, kind));
  if (typeof node !== 'object' || node === null) return [];
  const obj = node as Record<string, unknown>;
  const type = typeof obj.type === 'string' ? obj.type : kind;
  const known = type ? knownProperties(type) : undefined;
  const out: string[] = [];
  for (const [key, value] of Object.entries(obj)) {
    const at = `${path}.${key}`;
    if (key === '$schema' && type === 'AdaptiveCard') continue;
    // Teams' own extension on the card (msteams.entities: @mentions in a card); other hosts ignore it.
    if (key === 'msteams' && type === 'AdaptiveCard' && path === '') continue;
    if (known && !known.has(key) && !COLLECTIONS.has(key)) out.push(`${at} (${type})`);
    if (key === 'data' && type?.startsWith('Action.')) continue; // free-form payload
    if (key === 'facts') out.push(...unknownPropertiesOf(value, at, '#fact'));
    else if (key === 'choices') out.push(...unknownPropertiesOf(value, at, '#choice'));
    else out.push(...unknownPropertiesOf(value, at));
  }
  return out;
}

/** Teams' limit for a bot message, and so the budget of every card. */
export const CARD_BUDGET_BYTES = 28 * 1024;

/** Fails with everything the SDK said when a card is not clean, not ≤ 1.5 or not within budget. */
export function assertValidCard(card: unknown, label: string): CardCheck {
  const check = checkCard(card);
  const problems = [
    ...check.parseEvents.map((e) => `parse: ${e}`),
    ...check.validationEvents.map((e) => `validate: ${e}`),
    ...check.unknownProperties.map((p) => `unknown property: ${p}`),
    ...check.unexpanded.map((u) => `unexpanded: ${u}`),
  ];
  if (!/^1\.[0-5]$/u.test(check.version)) problems.push(`version ${JSON.stringify(check.version)} is not 1.0–1.5`);
  if (check.bytes >= CARD_BUDGET_BYTES)
    problems.push(`${check.bytes} bytes, over the ${CARD_BUDGET_BYTES}-byte budget`);
  if (problems.length > 0) throw new Error(`${label}:\n  ${problems.join('\n  ')}`);
  return check;
}
