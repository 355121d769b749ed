// Sizes and timings of the follow-up, for the figures in the report: card bytes against Teams'
// ~28 KB message limit, PDF/HTML/CSV sizes and how long they take to make.
// Run: npx tsx scripts/measure-follow-up.ts
import { performance } from 'node:perf_hooks';
import type { Agreement } from '../src/domain/agreement.js';
import { followUp } from '../src/domain/followUp.js';
import { publicationOf } from '../src/app/followUpReview.js';
import type { FollowUp } from '../src/domain/followUp.js';
import { followUpFromStore, renderEntriesCsv, renderPublication } from '../src/report/reports.js';
import { MemoryStorage } from '../src/store/storage.js';
import { Store } from '../src/store/store.js';
import { cardBytes, followUpCard } from '../src/views/followUpCard.js';
import { followUpReviewCard } from '../src/views/followUpReviewCard.js';
import { neutralComment } from '../src/views/followUpTexts.js';
import { A2020, ANNA, BERTIL, fixtureStore } from '../test/fixtures/followUpStore.js';

const NOW = new Date('2020-05-10T08:00:00Z');
const LINKS = {
  pdf: `https://bot.example.se/rapport/uppfoljning?agreement=x&year=2020&tertial=1&format=pdf&expires=1589702400&sig=${'x'.repeat(43)}`,
  html: `https://bot.example.se/rapport/uppfoljning?agreement=x&year=2020&tertial=1&format=html&expires=1589702400&sig=${'x'.repeat(43)}`,
  expires: new Date('2020-05-17T08:00:00Z'),
};

async function timed<T>(runs: number, f: () => Promise<T> | T): Promise<{ value: T; medianMs: number }> {
  const times: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = await f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { value: value as T, medianMs: Math.round((times[Math.floor(runs / 2)] ?? 0) * 10) / 10 };
}

async function bigStore(
  activityCount: number,
  entriesPerActivity: number,
): Promise<{ store: Store; agreement: Agreement }> {
  const activities = Array.from({ length: activityCount }, (_, i) => ({
    ...A2020.activities[2]!,
    id: `aktivitet-${i}`,
    name: `Aktivitet nummer ${i} med ett ganska långt namn som beskriver vad som ska göras`,
    places: ['Öxnehaga', 'Österängen', 'Ekhagen', 'centrum'],
    promiseIds: [A2020.promises[i % 2]!.id],
  }));
  const agreement: Agreement = { ...A2020, id: 'stor-2020', activities };
  const store = await Store.open(new MemoryStorage(), [agreement]);
  for (const [i, a] of activities.entries()) {
    for (let k = 0; k < entriesPerActivity; k++) {
      const month = 1 + (k % 4);
      await store.addEntry({
        id: `e${i}-${k}`,
        agreementId: agreement.id,
        activityId: a.id,
        date: `2020-0${month}-${String(1 + (k % 28)).padStart(2, '0')}`,
        count: 1,
        by: k % 2 ? ANNA : BERTIL,
        loggedAt: '2020-04-30T10:00:00.000Z',
        place: a.places[k % 4]!,
        note: `Anteckning ${k} om aktivitet ${i}: ${'lång text med många ord som fortsätter '.repeat(4)}`,
      });
    }
  }
  return { store, agreement };
}

/** Published as a coordinator would after accepting every neutral comment. */
function published(f: FollowUp) {
  const comments = Object.fromEntries(f.activities.map((a) => [a.activity.id, neutralComment(a)]));
  return publicationOf(f, comments, ANNA, NOW, 'p1');
}

const review = (f: FollowUp) =>
  followUpReviewCard(f, { comments: undefined, statusLine: 'Utkast: inte publicerat.', changed: false, links: LINKS });

const fixture = await fixtureStore();
const f = followUpFromStore(fixture, A2020, { year: 2020, tertial: 1 }, NOW)!;
console.log(
  `Jönköping 2020 T1 (fixture, ${f.activities.length} activities): review card ${cardBytes(review(f))} bytes, published card ${cardBytes(followUpCard(published(f), LINKS, false))} bytes`,
);

const { store, agreement } = await bigStore(40, 6);
const big = followUp(agreement, store.entries(agreement.id), [], { year: 2020, tertial: 1 }, '2020-05-10');
console.log(
  `40 activities × 6 long notes (budget 24 000): review card ${cardBytes(review(big))} bytes, published card ${cardBytes(followUpCard(published(big), LINKS, false))} bytes`,
);

for (const [label, follow] of [
  ['fixture', f],
  ['40 activities', big],
] as const) {
  const publication = published(follow);
  const pdf = await timed(9, () => renderPublication(publication, 'jonkoping', 'pdf'));
  const html = await timed(9, () => renderPublication(publication, 'jonkoping', 'html'));
  console.log(
    `${label}: PDF ${pdf.value.body.length} bytes, median ${pdf.medianMs} ms; HTML ${html.value.body.length} bytes, median ${html.medianMs} ms`,
  );
}

const { store: many } = await bigStore(40, 250);
const csv = await timed(5, () => renderEntriesCsv(many, 2020, { start: '2020-01-01', end: '2020-12-31' }));
console.log(`CSV of ${many.allEntries().length} entries: ${csv.value.body.length} bytes, median ${csv.medianMs} ms`);
