// The shape every copy catalogue in src/views shares. Logic returns a typed outcome, a code with its
// parameters (`{ code: 'count.tooLarge', max: 99 }`); the catalogue for that part of the product turns
// it into the Swedish sentence a user reads. Keyed by code, so the compiler asks for a sentence for
// every code and a test can render each one (test/support/catalogue.ts).

/** An outcome a catalogue can render: a code and whatever parameters the sentence needs. */
export interface Coded {
  readonly code: string;
}

/**
 * One sentence-maker per code of the union `U`: each gets the outcome with exactly that code, so its
 * parameters are typed. A missing or extra code is a compile error.
 */
export type Catalogue<U extends Coded> = { readonly [C in U['code']]: (outcome: Extract<U, { code: C }>) => string };

/**
 * The sentence for `outcome` from `catalogue`.
 * @returns the Swedish text; never throws for an outcome of the catalogue's type.
 */
export function render<U extends Coded>(catalogue: Catalogue<U>, outcome: U): string {
  const say = catalogue[outcome.code as U['code']] as (outcome: U) => string;
  return say(outcome);
}
