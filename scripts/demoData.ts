// Realistic data for the card pictures: the first five months of Jönköping's 2020 agreement as
// the Öxnehaga group might have logged them. The people are invented (the same as in the
// Playground's context); the activities and places are the bundled agreement's.
import type { IsoDate } from '../src/domain/agreement.js';
import { addDays } from '../src/domain/calendar.js';
import type { Entry, Person } from '../src/domain/entry.js';

export const DEMO_TODAY: IsoDate = '2020-06-04';

const anna: Person = { id: '00000000-0000-0000-0000-0000000000020', name: 'Anna Lind' };
const erik: Person = { id: '00000000-0000-0000-0000-0000000000021', name: 'Erik Berg' };
const sara: Person = { id: '00000000-0000-0000-0000-0000000000022', name: 'Sara Ek' };
const johan: Person = { id: '00000000-0000-0000-0000-0000000000023', name: 'Johan Holm' };
const lena: Person = { id: '00000000-0000-0000-0000-0000000000024', name: 'Lena Ström' };
const mikael: Person = { id: '00000000-0000-0000-0000-0000000000025', name: 'Mikael Nord' };

export const DEMO_USER = anna;

type Draft = Omit<Entry, 'id' | 'agreementId' | 'loggedAt'>;

function drafts(): Draft[] {
  const out: Draft[] = [];
  const log = (activityId: string, date: IsoDate, by: Person, extra: Partial<Draft> = {}) =>
    out.push({ activityId, date, by, count: 1, ...extra });

  // Torsdagsmöten every Thursday from 9 January, except the weeks they were cancelled.
  const cancelled = new Set(['2020-02-20', '2020-04-09', '2020-05-21']);
  for (let d = '2020-01-09'; d <= DEMO_TODAY; d = addDays(d, 7)) {
    if (!cancelled.has(d)) log('torsdagsmote', d, d.endsWith('4') ? lena : anna, { place: 'Öxnehaga' });
  }
  for (const d of ['2020-01-22', '2020-02-19', '2020-03-18', '2020-05-20']) log('ssg', d, mikael);
  const patrols: [IsoDate, string, Person][] = [
    ['2020-01-14', 'Öxnehaga', anna],
    ['2020-01-28', 'Österängen', sara],
    ['2020-02-11', 'Öxnehaga', anna],
    ['2020-03-03', 'Ekhagen', sara],
    ['2020-03-24', 'Öxnehaga', anna],
    ['2020-04-21', 'Österängen', anna],
    ['2020-05-12', 'Öxnehaga', sara],
    ['2020-05-29', 'Öxnehaga', anna],
    ['2020-06-02', 'Ekhagen', sara],
    ['2020-06-03', 'Öxnehaga', anna],
  ];
  for (const [d, place, by] of patrols) log('fotpatrullering-oxnehaga', d, by, { place, hours: 2 });
  for (const d of [
    '2020-01-11',
    '2020-01-25',
    '2020-02-08',
    '2020-02-29',
    '2020-03-14',
    '2020-03-28',
    '2020-04-25',
    '2020-05-09',
    '2020-05-30',
  ]) {
    log('krogtillsyn-natthelger', d, d < '2020-03-01' ? mikael : anna, { place: 'krogmiljön', hours: 4 });
  }
  log('gemensam-krogtillsyn', '2020-03-14', anna, {
    place: 'krogmiljön',
    note: 'Med miljö- och hälsoskydd; två krogar fick påpekanden.',
  });
  log('gemensam-krogtillsyn', '2020-05-30', lena, { place: 'krogmiljön' });
  log('sig', '2020-04-15', sara, { place: 'Öxnehaga', note: 'Ärende startat tillsammans med socialtjänsten.' });
  log('grannsamverkan', '2020-03-05', johan, { place: 'Öxnehaga', note: 'Informationsmöte för boende i trapphusen.' });
  log('grannsamverkan', '2020-05-12', johan, { place: 'Öxnehaga' });
  log('enkatundersokning', '2020-02-03', mikael, { note: 'Enkäten skickad till boende.' });
  log('orosanmalan-utbildning', '2020-05-27', erik, {
    place: 'Ekhagen',
    count: 2,
    note: 'Två utbildningstillfällen för fritidsledare.',
  });
  return out;
}

/** The entries, in the order they were logged, each logged the evening of its day. */
export function demoEntries(agreementId: string): Entry[] {
  return drafts()
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((d, i) => ({
      ...d,
      id: `demo-${i + 1}`,
      agreementId,
      loggedAt: `${d.date}T18:${String(i % 60).padStart(2, '0')}:00.000Z`,
    }));
}
