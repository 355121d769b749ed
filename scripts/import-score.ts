// npm run import:score — how well the importer reads the texts the tests use: the seed against the
// hand-made data/agreements/*.json, test/fixtures/import/*.txt (written for the tests) and
// test/fixtures/import/corpus/*.txt (published texts of other areas) against their .expected.json.
// Per text and in total, one column per field; then every place where the import differs.
import { importCorpus, scoreImport, totalScore, type Score, type Tally } from '../test/support/importScore.js';

const pct = (t: Tally): string =>
  t.total === 0 ? '   –  ' : `${((100 * t.right) / t.total).toFixed(1).padStart(5)} %`;
const cell = (t: Tally): string => `${pct(t)} (${t.right}/${t.total})`.padEnd(19);

const COLUMNS: [string, (s: Score) => Tally][] = [
  ['period', (s) => s.periods],
  ['promises found', (s) => s.promisesFound],
  ['no title/intro', (s) => s.promisesClean],
  ['party', (s) => s.parties],
  ['target kind', (s) => s.targetKind],
  ['number', (s) => s.numbers],
  ['promise link', (s) => s.promiseLinks],
  ['places', (s) => s.places],
];

const corpus = importCorpus();
const scores = corpus.map((c) => scoreImport(c.file, c.text, c.expected));
const published = totalScore(scores.filter((_, i) => corpus[i]?.published && i > 0));
published.file = 'alla publicerade (corpus/)';
const all = totalScore(scores);
console.log([...['text'.padEnd(46)], ...COLUMNS.map(([name]) => name.padEnd(19))].join(''));
for (const s of [...scores, published, all]) {
  console.log([s.file.padEnd(46), ...COLUMNS.map(([, f]) => cell(f(s)))].join(''));
}
if (all.misses.length > 0) {
  console.log('\nWhere the import differs:');
  for (const m of all.misses) console.log(`  ${m}`);
}
