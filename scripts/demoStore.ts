// The Playground's demo store: Medborgarlöfte 2020 with the demo's half year of entries by six
// colleagues (scripts/demoData.ts) and a reviewed, published T1, so /uppföljning T1 2020,
// /sammanfattning and the public page show something from the first message. Made only when the
// folder has no store yet; an existing store is never touched.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { publicationOf } from '../src/app/followUpReview.js';
import type { IsoDate } from '../src/domain/agreement.js';
import { stockholmInstant } from '../src/domain/calendar.js';
import { followUpFromStore } from '../src/report/reports.js';
import { loadBundledAgreements } from '../src/store/bundled.js';
import { fileStorage } from '../src/store/storage.js';
import { Store } from '../src/store/store.js';
import { neutralComment } from '../src/views/followUpTexts.js';
import { DEMO_USER, demoEntries } from './demoData.js';
import { ROOT } from './services.js';

/** What the coordinator wrote over the neutral text for two activities of T1. */
const REVIEWED: Readonly<Record<string, string>> = {
  torsdagsmote:
    'Torsdagsmötena på Öxnehaga har hållits nästan varje vecka; de få som ställdes in sammanföll med lov och helgdagar.',
  'fotpatrullering-oxnehaga':
    'Fotpatrulleringen har gått i Öxnehaga, Österängen och Ekhagen. Fler kvällspass planeras under sommaren.',
};

/** Seeds `storeDir` unless it already holds a store; true when it did. `today` bounds the entries. */
export async function seedDemoStore(
  storeDir: string,
  coordinators: readonly string[],
  today: IsoDate,
): Promise<boolean> {
  if (existsSync(path.join(storeDir, 'areas.json')) || existsSync(path.join(storeDir, 'agreements.json'))) return false;
  const store = await Store.open(
    fileStorage(storeDir),
    await loadBundledAgreements(path.join(ROOT, 'data', 'agreements')),
    {
      coordinators,
    },
  );
  const records = store.inArea('jonkoping');
  for (const entry of demoEntries('jonkoping-2020').filter((e) => e.date <= today)) await records.addEntry(entry);
  const agreement = records.agreement('jonkoping-2020');
  const publishedAt = stockholmInstant('2020-05-05', '10:15');
  const f = agreement && followUpFromStore(records, agreement, { year: 2020, tertial: 1 }, publishedAt);
  if (f) {
    const comments = Object.fromEntries(
      f.activities.map((a) => [a.activity.id, REVIEWED[a.activity.id] ?? neutralComment(a)]),
    );
    const publication = publicationOf(f, comments, DEMO_USER, publishedAt, 'demo-t1-2020');
    // Recorded as the review card's Publicera records it.
    await store.publications.publish(publication, {
      at: publishedAt.toISOString(),
      by: DEMO_USER,
      via: 'card',
      action: 'publication.published',
      agreementId: publication.agreementId,
      detail: `T1 2020 (${publication.id})`,
    });
  }
  return true;
}
