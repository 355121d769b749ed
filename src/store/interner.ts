// A year of entries repeats a few values a hundred thousand times: the agreement, the activity,
// the day, the place, the person who logged. Read from JSON each is a string (or object) of its
// own; kept as one shared copy they cost a pointer. Entries are replaced, never changed, so sharing
// a person object between entries is safe.
import type { Entry, Person } from '../domain/entry.js';

export class Interner {
  readonly #strings = new Map<string, string>();
  readonly #people = new Map<string, Person>();

  string(value: string): string {
    const known = this.#strings.get(value);
    if (known !== undefined) return known;
    this.#strings.set(value, value);
    return value;
  }

  person(person: Person): Person {
    const key = `${person.id}\u0000${person.name}`;
    const known = this.#people.get(key);
    if (known) return known;
    this.#people.set(key, person);
    return person;
  }

  /** The entry with its repeated values shared; changes `entry` itself, which the caller owns (fresh from parsing). */
  entry(entry: Entry): Entry {
    entry.agreementId = this.string(entry.agreementId);
    entry.activityId = this.string(entry.activityId);
    entry.date = this.string(entry.date);
    if (entry.place !== undefined) entry.place = this.string(entry.place);
    entry.by = this.person(entry.by);
    // Most entries are an occasion of their own: one string for both.
    if (entry.occasionId === entry.id) entry.occasionId = entry.id;
    return entry;
  }
}
