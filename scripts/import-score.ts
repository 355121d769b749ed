// npm run import:score — how well the importer reads the texts the tests use (the seed against the
// hand-made data/agreements/*.json, and test/fixtures/import/*.txt against their .expected.json).
import { importCorpus, scoreImport, totalScore, type Score, type Tally } from '../test/support/importScore.js';

const pct = (t: Tally): string =>
  t.total === 0 ? '   –  ' : `${((100 * t.right) / t.total).toFixed(1).padStart(5)} %`;
const cell = (t: Tally): string => `${pct(t)} (${t.right}/${t.total})`.padEnd(18);

const scores = importCorpus().map((c) => scoreImport(c.file, c.text, c.expected));
const rows: Score[] = [...scores, totalScore(scores)];
console.log(
  [
    'text'.padEnd(38),
    'party'.padEnd(18),
    'target kind'.padEnd(18),
    'numbers'.padEnd(18),
    'periods'.padEnd(18),
    'places'.padEnd(18),
    'promise links',
  ].join(''),
);
for (const s of rows) {
  console.log(
    [
      s.file.padEnd(38),
      cell(s.parties),
      cell(s.targetKind),
      cell(s.numbers),
      cell(s.periods),
      cell(s.places),
      cell(s.promiseLinks),
    ].join(''),
  );
}
const all = totalScore(scores);
if (all.misses.length > 0) {
  console.log('\nWhere the import differs:');
  for (const m of all.misses) console.log(`  ${m}`);
}
