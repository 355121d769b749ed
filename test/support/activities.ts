// Teams activities as JSON files (test/fixtures/activities, as probot keeps its webhook payloads in
// test/fixtures): what the connector delivers, read fresh for every use so a test may change its copy.
// Hostile and malformed ones are in test/fixtures/activities/hostile (see its README.md).
import { readdirSync, readFileSync } from 'node:fs';

/** An activity as JSON: whatever the wire carries, including what no well-behaved channel sends. */
export type ActivityJson = Record<string, unknown>;

const FOLDER = new URL('../fixtures/activities/', import.meta.url);

let seq = 0;

/**
 * The fixture test/fixtures/activities/<name>.json (`name` may be "hostile/…"), with a fresh `id`
 * (so the redelivery cache never takes two sends for one) and `over` laid on top, key by key.
 */
export function activity(name: string, over: ActivityJson = {}): ActivityJson {
  const fixture = JSON.parse(readFileSync(new URL(`${name}.json`, FOLDER), 'utf8')) as ActivityJson;
  return { ...fixture, id: `${typeof fixture.id === 'string' ? fixture.id : name}-${++seq}`, ...over };
}

/** The names of the hostile and malformed fixtures ("hostile/hugeText", …), sorted. */
export function hostileActivities(): string[] {
  return readdirSync(new URL('hostile/', FOLDER))
    .filter((file) => file.endsWith('.json'))
    .map((file) => `hostile/${file.slice(0, -'.json'.length)}`)
    .sort();
}
