// How well the importer reads the texts the tests use: per agreement, the right period (or "the text
// names none") and the right promises (each stated one found, nothing else taken for one: no title,
// heading or intro); per activity, the right parties, target kind, number (for counts), places and
// promise links. Shared by the tests and `npm run import:score`, which prints the figures.
import { readdirSync, readFileSync } from 'node:fs';
import type { Agreement, Target } from '../../src/domain/agreement.js';
import { importAgreements } from '../../src/domain/import/importText.js';

interface ExpectedActivity {
  /** The start of the activity's text, to check the pairing. */
  text: string;
  parties: string[];
  target: { kind: Target['kind']; count?: number; rhythm?: string };
  /** Left out in the corpus of published texts, where places are not checked by hand. */
  places?: string[];
  /** Indexes of the promises it serves. */
  promises: number[];
}

export interface ExpectedAgreement {
  /** null: the text names no period, and the draft must say so. */
  period: { start: string; end: string } | null;
  /** The start of each promise's text, in order; or only how many there are. */
  promises: number | string[];
  activities: ExpectedActivity[];
}

export interface Tally {
  right: number;
  total: number;
}

export interface Score {
  file: string;
  periods: Tally;
  /** Stated promises the draft has. */
  promisesFound: Tally;
  /** Draft promises that are stated promises (not a title, heading or intro). */
  promisesClean: Tally;
  activities: Tally;
  parties: Tally;
  targetKind: Tally;
  numbers: Tally;
  places: Tally;
  promiseLinks: Tally;
  /** One line per wrong field: "jonkoping-2020 #3 places: got [] want [krogmiljön]". */
  misses: string[];
}

const fixtureDir = new URL('../fixtures/import/', import.meta.url);
const publishedDir = new URL('../fixtures/import/corpus/', import.meta.url);
const seedFile = new URL('../fixtures/jonkoping-medborgarloften.txt', import.meta.url);
const agreementsDir = new URL('../../data/agreements/', import.meta.url);

/** What a hand-made agreement file says, in the terms the score compares. */
function expectedFromAgreement(a: Agreement): ExpectedAgreement {
  const index = new Map(a.promises.map((p, i) => [p.id, i]));
  return {
    period: a.period,
    promises: a.promises.map((p) => p.text.slice(0, 30)),
    activities: a.activities.map((x) => ({
      text: x.text.slice(0, 30),
      parties: x.parties,
      target:
        x.target.kind === 'count'
          ? { kind: 'count', count: x.target.count }
          : x.target.kind === 'recurring'
            ? { kind: 'recurring', rhythm: x.target.rhythm }
            : { kind: x.target.kind },
      places: x.places,
      promises: x.promiseIds.map((id) => index.get(id) ?? -1),
    })),
  };
}

const squash = (t: string): string => t.replace(/\s+/gu, ' ').trim().toLowerCase();

const sameSet = (a: readonly (string | number)[], b: readonly (string | number)[]): boolean => {
  const norm = (xs: readonly (string | number)[]): string =>
    [...new Set(xs.map((x) => String(x).toLowerCase()))].sort().join('|');
  return norm(a) === norm(b);
};

function tally(): Tally {
  return { right: 0, total: 0 };
}

function count(t: Tally, ok: boolean): boolean {
  t.total += 1;
  if (ok) t.right += 1;
  return ok;
}

type Draft = ReturnType<typeof importAgreements>['drafts'][number];

function emptyScore(file: string): Score {
  return {
    file,
    periods: tally(),
    promisesFound: tally(),
    promisesClean: tally(),
    activities: tally(),
    parties: tally(),
    targetKind: tally(),
    numbers: tally(),
    places: tally(),
    promiseLinks: tally(),
    misses: [],
  };
}

/** Imports `text` and compares each draft, in order, with `expected`. `today` only matters for texts without a period. */
export function scoreImport(file: string, text: string, expected: readonly ExpectedAgreement[]): Score {
  const { drafts } = importAgreements(text, { today: '2026-11-29' });
  const s = emptyScore(file);
  expected.forEach((want, n) => {
    const draft = drafts[n];
    const got = draft?.agreement;
    const label = got?.id ?? `${file} agreement ${n + 1}`;
    scorePeriod(s, label, want, draft);
    scorePromises(s, label, want, got?.promises.map((p) => p.text) ?? []);
    scoreActivities(s, label, want, got);
  });
  if (drafts.length !== expected.length) s.misses.push(`${file}: ${drafts.length} agreements, want ${expected.length}`);
  return s;
}

function scorePeriod(s: Score, label: string, want: ExpectedAgreement, draft: Draft | undefined): void {
  const got = draft?.agreement;
  const periodRight =
    want.period === null
      ? draft !== undefined && draft.periodMissing
      : got !== undefined &&
        !draft?.periodMissing &&
        got.period.start === want.period.start &&
        got.period.end === want.period.end;
  if (!count(s.periods, periodRight)) {
    const gotPeriod = draft?.periodMissing ? 'ingen' : JSON.stringify(got?.period);
    s.misses.push(`${label} period: got ${gotPeriod} want ${want.period ? JSON.stringify(want.period) : 'ingen'}`);
  }
}

function scorePromises(s: Score, label: string, want: ExpectedAgreement, gotPromises: readonly string[]): void {
  if (typeof want.promises === 'number') {
    if (!count(s.promisesFound, gotPromises.length === want.promises)) {
      s.misses.push(`${label} promises: got ${gotPromises.length} want ${want.promises}`);
    }
    return;
  }
  const stated = want.promises.map(squash);
  for (const w of stated) {
    if (
      !count(
        s.promisesFound,
        gotPromises.some((g) => squash(g).startsWith(w)),
      )
    ) {
      s.misses.push(`${label} promise missing: "${w}"`);
    }
  }
  for (const g of gotPromises) {
    if (
      !count(
        s.promisesClean,
        stated.some((w) => squash(g).startsWith(w)),
      )
    ) {
      s.misses.push(`${label} not a promise: "${g.slice(0, 60)}"`);
    }
  }
}

function scoreActivities(s: Score, label: string, want: ExpectedAgreement, got: Agreement | undefined): void {
  // Each expected activity is paired with the draft's activity that starts with its text, so that
  // one activity missed or added does not shift every other one.
  const used = new Set<number>();
  want.activities.forEach((w, i) => {
    const start = squash(w.text);
    let at = got?.activities.findIndex((a, k) => !used.has(k) && squash(a.text).startsWith(start)) ?? -1;
    if (at < 0 && got?.activities[i] !== undefined && !used.has(i)) at = i;
    if (at >= 0) used.add(at);
    const g = at >= 0 ? got?.activities[at] : undefined;
    count(s.activities, g !== undefined && squash(g.text).startsWith(start));
    scoreActivity(
      s,
      (field, gotValue, wantValue) => {
        s.misses.push(`${label} #${i + 1} ${field}: got ${JSON.stringify(gotValue)} want ${JSON.stringify(wantValue)}`);
      },
      w,
      g,
      got,
    );
  });
  if (got && got.activities.length !== want.activities.length) {
    s.misses.push(`${label}: ${got.activities.length} activities, want ${want.activities.length}`);
  }
}

/** Tallies one paired activity's fields; `miss` records a wrong one. */
function scoreActivity(
  s: Score,
  miss: (field: string, gotValue: unknown, wantValue: unknown) => void,
  w: ExpectedActivity,
  g: Agreement['activities'][number] | undefined,
  got: Agreement | undefined,
): void {
  if (!count(s.parties, g !== undefined && sameSet(g.parties, w.parties))) miss('parties', g?.parties, w.parties);
  if (
    !count(
      s.targetKind,
      g !== undefined &&
        g.target.kind === w.target.kind &&
        (g.target.kind !== 'recurring' || g.target.rhythm === w.target.rhythm),
    )
  ) {
    miss('target', g?.target, w.target);
  }
  if (w.target.kind === 'count') {
    if (!count(s.numbers, g?.target.kind === 'count' && g.target.count === w.target.count))
      miss('number', g?.target, w.target);
  }
  if (w.places !== undefined && !count(s.places, g !== undefined && sameSet(g.places, w.places))) {
    miss('places', g?.places, w.places);
  }
  const links = g && got ? g.promiseIds.map((id) => got.promises.findIndex((p) => p.id === id)) : [];
  if (!count(s.promiseLinks, g !== undefined && sameSet(links, w.promises))) miss('promises', links, w.promises);
}

export interface CorpusText {
  file: string;
  text: string;
  expected: ExpectedAgreement[];
  /** A published text (test/fixtures/import/corpus), not one written for the tests. */
  published: boolean;
}

/**
 * The seed (against data/agreements/*.json), every test/fixtures/import/*.txt and every published
 * text in test/fixtures/import/corpus/*.txt (each against its .expected.json).
 */
export function importCorpus(): CorpusText[] {
  const bundled = ['jonkoping-2020.json', 'jonkoping-2018-2019.json'].map(
    (f) => JSON.parse(readFileSync(new URL(f, agreementsDir), 'utf8')) as Agreement,
  );
  const corpus: CorpusText[] = [
    {
      file: 'jonkoping-medborgarloften.txt',
      text: readFileSync(seedFile, 'utf8'),
      expected: bundled.map(expectedFromAgreement),
      published: true,
    },
  ];
  for (const f of readdirSync(fixtureDir)
    .filter((x) => x.endsWith('.txt'))
    .sort()) {
    corpus.push({
      file: f,
      text: readFileSync(new URL(f, fixtureDir), 'utf8'),
      expected: JSON.parse(
        readFileSync(new URL(f.replace(/\.txt$/, '.expected.json'), fixtureDir), 'utf8'),
      ) as ExpectedAgreement[],
      published: false,
    });
  }
  for (const f of readdirSync(publishedDir)
    .filter((x) => x.endsWith('.txt'))
    .sort()) {
    // The header lines ("# Källa: …") say where the text was taken from; they are not part of it.
    const raw = readFileSync(new URL(f, publishedDir), 'utf8');
    corpus.push({
      file: `corpus/${f}`,
      text: raw.replace(/^(?:#[^\n]*\n)+/u, ''),
      expected: JSON.parse(
        readFileSync(new URL(f.replace(/\.txt$/, '.expected.json'), publishedDir), 'utf8'),
      ) as ExpectedAgreement[],
      published: true,
    });
  }
  return corpus;
}

/** Sum of the tallies of several scores. */
export function totalScore(scores: readonly Score[]): Score {
  const keys = [
    'periods',
    'promisesFound',
    'promisesClean',
    'activities',
    'parties',
    'targetKind',
    'numbers',
    'places',
    'promiseLinks',
  ] as const;
  const total = emptyScore('alla');
  for (const s of scores) {
    for (const k of keys) {
      total[k].right += s[k].right;
      total[k].total += s[k].total;
    }
    total.misses.push(...s.misses);
  }
  return total;
}
