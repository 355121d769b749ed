// The card budget's worst case: an agreement with 40 activities (long names and texts, several
// serving more than one promise, every kind of target) and 5,000 entries by 60 people at 200
// places, with notes of the longest allowed length. Deterministic: the same store every run.
import type { Activity, Agreement, IsoDate } from '../../src/domain/agreement.js';
import { addDays } from '../../src/domain/calendar.js';
import type { Entry } from '../../src/domain/entry.js';
import { MAX_NOTE_LENGTH } from '../../src/domain/logRequest.js';
import { MemoryStorage } from '../../src/store/storage.js';
import { Store } from '../../src/store/store.js';

export const WORST_ACTIVITIES = 40;
const WORST_ENTRIES = 5000;

/** A small linear congruential generator: reproducible "random" choices without a dependency. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const PLACES = [
  'Öxnehaga',
  'Österängen',
  'Ekhagen',
  'Råslätt',
  'Huskvarna centrum',
  'Norrahammar',
  'Tenhult',
  'Bankeryd',
  'Gränna',
  'Juneporten',
  'Västra centrum',
  'Öster',
];

export function worstCaseAgreement(): Agreement {
  const promises = [1, 2, 3, 4].map((n) => ({
    id: `lofte-${n}`,
    text: `Löfte ${n}: Polisen och kommunen ska tillsammans arbeta förebyggande och trygghetsskapande i de utpekade bostadsområdena, med särskilt fokus på barn och unga, drogförsäljning och upplevd otrygghet kvällstid (${n}).`,
  }));
  const targets: Activity['target'][] = [
    { kind: 'count', count: 12, unit: 'tillfällen' },
    { kind: 'recurring', rhythm: 'weekly' },
    { kind: 'recurring', rhythm: 'weekendNights' },
    { kind: 'recurring', rhythm: 'monthly' },
    { kind: 'milestone' },
    { kind: 'ongoing' },
  ];
  const activities: Activity[] = Array.from({ length: WORST_ACTIVITIES }, (_, i) => ({
    id: `aktivitet-${i + 1}`,
    name: `Gemensam trygghetsvandring och fotpatrullering i bostadsområdet, insats ${i + 1}`,
    text: `Kommunen, Polisen och bostadsbolaget ska genomföra gemensamma trygghetsvandringar och fotpatrulleringar kvällstid i bostadsområdet, dokumentera iakttagelser om belysning, skymd sikt och nedskräpning, och återkoppla till boende vid minst tolv tillfällen under året (${i + 1}).`,
    // Every fourth activity serves two promises: it shows once, under the first.
    promiseIds: i % 4 === 0 ? [`lofte-${(i % 4) + 1}`, `lofte-${((i + 1) % 4) + 1}`] : [`lofte-${(i % 4) + 1}`],
    parties: ['Polisen', 'Kommunen', 'Vätterhem'],
    places: PLACES.slice(i % 6, (i % 6) + 6),
    keywords: [`insats${i + 1}`, `trygghetsvandring ${i + 1}`],
    target: targets[i % targets.length] ?? { kind: 'ongoing' },
  }));
  return {
    id: 'storstad-2020',
    area: 'storstad',
    title: 'Medborgarlöfte 2020 för Storstadens lokalpolisområde och kommun',
    municipality: 'Storstadens kommun',
    policeArea: 'Storstadens lokalpolisområde',
    parties: ['Polisen', 'Storstadens kommun'],
    period: { start: '2020-01-01', end: '2020-12-31' },
    promises,
    activities,
  };
}

/** 5,000 entries between the agreement's start and `today`, logged by 60 people. */
function worstCaseEntries(agreement: Agreement, today: IsoDate, by = { id: 'aad-anna', name: 'Anna Lind' }): Entry[] {
  const random = seeded(2020);
  const days = Math.max(1, Math.round((Date.parse(today) - Date.parse(agreement.period.start)) / 86_400_000) + 1);
  const note =
    `Lugn kväll, men mycket folk vid torget och busshållplatsen. Belysningen vid gångtunneln är trasig igen och har anmälts till kommunen. `
      .repeat(5)
      .slice(0, MAX_NOTE_LENGTH);
  return Array.from({ length: WORST_ENTRIES }, (_, i) => {
    const activity =
      agreement.activities[Math.floor(random() * agreement.activities.length)] ?? agreement.activities[0];
    const person =
      i % 10 === 0
        ? by
        : { id: `aad-person-${Math.floor(random() * 60)}`, name: `Person ${i % 60} med ett ganska långt efternamn` };
    // Half at a listed place, a quarter at free-text places (200 of them), a quarter at none.
    const r = random();
    const place =
      r < 0.5
        ? PLACES[Math.floor(random() * PLACES.length)]
        : r < 0.75
          ? `Fritext plats nummer ${Math.floor(random() * 200)} vid gångtunneln och busshållplatsen`
          : undefined;
    const date = addDays(agreement.period.start, Math.floor(random() * days));
    return {
      id: `worst-${i}`,
      agreementId: agreement.id,
      activityId: activity?.id ?? 'aktivitet-1',
      date,
      count: 1 + Math.floor(random() * 5),
      by: person,
      loggedAt: `${date}T18:${String(i % 60).padStart(2, '0')}:00.000Z`,
      ...(place ? { place: place.slice(0, 80) } : {}),
      ...(random() < 0.5 ? { note } : {}),
      ...(random() < 0.3 ? { hours: 2.5 } : {}),
    };
  });
}

/** A store holding the worst case, opened (and validated) the way the bot opens its files. */
export async function worstCaseStore(today: IsoDate): Promise<Store> {
  const agreement = worstCaseAgreement();
  const storage = new MemoryStorage();
  await Store.open(storage, [agreement]);
  // Written as one file, as it would lie on disk: 5,000 addEntry calls would copy the file 5,000 times.
  const entries = worstCaseEntries(agreement, today);
  await storage
    .document(`entries-${agreement.id}`)
    .adapter.write({ version: 1, agreementId: agreement.id, entries, completions: [] });
  return Store.open(storage, []);
}
