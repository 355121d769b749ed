// The bundled agreements (data/agreements/*.json) are hand-written from the published seed text.
// These tests pin them to the schema and to the seed: every bullet verbatim, nothing missing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { agreementSchema, type Agreement, type Target } from '../../src/domain/agreement.js';

const agreementsDir = new URL('../../data/agreements/', import.meta.url);
// CI clones the repo with shared/ beside it; the fixture is a byte-exact copy so the test never depends on it.
const sharedSeed = new URL('../../../shared/seeds/jonkoping-medborgarloften.txt', import.meta.url);
const fixtureSeed = new URL('../fixtures/jonkoping-medborgarloften.txt', import.meta.url);

function readSeed(): string {
  const url = existsSync(fileURLToPath(sharedSeed)) ? sharedSeed : fixtureSeed;
  return readFileSync(url, 'utf8');
}

interface SeedSection {
  promises: string[];
  activities: string[];
}

/** Bullets of one "Medborgarlöfte …" section: promises before "Aktiviteter", activities after. */
function seedSection(seed: string, title: string): SeedSection {
  const lines = seed.split(/\r?\n/).map((l) => l.trim());
  const start = lines.indexOf(title);
  if (start < 0) throw new Error(`seed has no section "${title}"`);
  const section: SeedSection = { promises: [], activities: [] };
  let inActivities = false;
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('Medborgarlöfte ') || line === 'Uppföljning') break;
    if (line === 'Aktiviteter') {
      inActivities = true;
      continue;
    }
    // Prose lines (e.g. "I arbetet med trygghetsskapande åtgärder …") are not bullets.
    if (!line.startsWith('•')) continue;
    // trim() also strips the no-break space after one bullet marker in the seed.
    const text = line.slice(1).trim();
    (inActivities ? section.activities : section.promises).push(text);
  }
  return section;
}

function loadAgreements(): Map<string, { file: string; raw: unknown }> {
  const files = readdirSync(agreementsDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const out = new Map<string, { file: string; raw: unknown }>();
  for (const file of files) {
    out.set(file, { file, raw: JSON.parse(readFileSync(new URL(file, agreementsDir), 'utf8')) });
  }
  return out;
}

function parsed(file: string): Agreement {
  const entry = loadAgreements().get(file);
  if (!entry) throw new Error(`missing data/agreements/${file}`);
  const result = agreementSchema.safeParse(entry.raw);
  if (!result.success) throw new Error(`${file} is invalid:\n${JSON.stringify(result.error.issues, null, 2)}`);
  return result.data;
}

type Kind = Target['kind'];

interface Expected {
  file: string;
  id: string;
  title: string;
  period: { start: string; end: string };
  section: string;
  promises: string[];
  activities: Record<string, Kind>;
}

const expected: Expected[] = [
  {
    file: 'jonkoping-2020.json',
    id: 'jonkoping-2020',
    title: 'Medborgarlöfte 2020',
    period: { start: '2020-01-01', end: '2020-12-31' },
    section: 'Medborgarlöfte 2020',
    promises: ['otrygga-platser', 'drogforsaljning'],
    activities: {
      enkatundersokning: 'milestone',
      'krogtillsyn-natthelger': 'recurring',
      'gemensam-krogtillsyn': 'count',
      'trivs-i-jkpg-enkat': 'milestone',
      'fotpatrullering-oxnehaga': 'recurring',
      grannsamverkan: 'milestone',
      'orosanmalan-utbildning': 'milestone',
      ssg: 'recurring',
      'oxnehaga-torg': 'milestone',
      sig: 'count',
      torsdagsmote: 'recurring',
    },
  },
  {
    file: 'jonkoping-2018-2019.json',
    id: 'jonkoping-2018-2019',
    title: 'Medborgarlöfte 2018-2019',
    period: { start: '2018-01-01', end: '2019-12-31' },
    section: 'Medborgarlöfte 2018-2019',
    promises: ['drogfri-miljo', 'trygghet-centrum'],
    activities: {
      hundsok: 'ongoing',
      ssg: 'recurring',
      'tata-kontakter': 'recurring',
      'sociala-insatsgrupper': 'ongoing',
      'andt-arbete': 'ongoing',
      'fotpatrullering-centrum': 'recurring',
      'krogmiljo-helgnatter': 'recurring',
      polisvolontarer: 'ongoing',
      nattvandring: 'ongoing',
      juneporten: 'milestone',
      belysning: 'ongoing',
    },
  },
];

describe('bundled agreements (data/agreements)', () => {
  it('has at least the Jönköping agreements, and every file parses with agreementSchema', () => {
    const all = loadAgreements();
    for (const e of expected) expect([...all.keys()], 'files').to.include(e.file);
    for (const { file, raw } of all.values()) {
      const result = agreementSchema.safeParse(raw);
      if (!result.success) {
        expect.fail(`${file} is invalid:\n${JSON.stringify(result.error.issues, null, 2)}`);
      }
      expect(`${result.data.id}.json`, 'file name matches id').to.equal(file);
    }
  });

  it('every file: keywords non-empty and lowercase, at least 2 per activity, every promise served', () => {
    for (const { file } of loadAgreements().values()) {
      const a = parsed(file);
      for (const act of a.activities) {
        expect(act.keywords.length, `${file} ${act.id} keywords`).to.be.at.least(2);
        expect(new Set(act.keywords).size, `${file} ${act.id} duplicate keyword`).to.equal(act.keywords.length);
        for (const k of act.keywords) {
          expect(k.trim(), `${file} ${act.id} empty keyword`).to.not.equal('');
          expect(k, `${file} ${act.id} keyword "${k}" not trimmed`).to.equal(k.trim());
          expect(k, `${file} ${act.id} keyword "${k}" not lowercase`).to.equal(k.toLocaleLowerCase('sv-SE'));
        }
      }
      for (const p of a.promises) {
        const served = a.activities.filter((act) => act.promiseIds.includes(p.id));
        expect(served, `${file} promise ${p.id} serves no activity`).to.not.be.empty;
      }
    }
  });

  for (const e of expected) {
    describe(e.file, () => {
      const seedBullets = () => seedSection(readSeed(), e.section);

      it('has the right header fields', () => {
        const a = parsed(e.file);
        expect(a.id).to.equal(e.id);
        expect(a.area).to.equal('jonkoping');
        expect(a.title).to.equal(e.title);
        expect(a.municipality).to.equal('Jönköpings kommun');
        expect(a.policeArea).to.equal('Lokalpolisområde södra Vätterbygden');
        expect(a.parties).to.deep.equal(['Polisen', 'Jönköpings kommun']);
        expect(a.period).to.deep.equal(e.period);
      });

      it('holds every seed bullet verbatim, and nothing else', () => {
        const a = parsed(e.file);
        const seed = seedBullets();
        expect(seed.promises, 'seed promises').to.have.length(2);
        expect(seed.activities, 'seed activities').to.have.length(11);
        expect(a.promises.map((p) => p.text)).to.have.members(seed.promises);
        expect(a.activities.map((x) => x.text)).to.have.members(seed.activities);
      });

      it('has the required promise and activity ids with the required target kinds', () => {
        const a = parsed(e.file);
        expect(a.promises.map((p) => p.id)).to.deep.equal(e.promises);
        expect(a.activities.map((x) => x.id)).to.have.members(Object.keys(e.activities));
        for (const act of a.activities) {
          expect(act.target.kind, `${act.id} target`).to.equal(e.activities[act.id]);
        }
      });
    });
  }

  describe('details the bot relies on', () => {
    const act = (file: string, id: string) => {
      const found = parsed(file).activities.find((x) => x.id === id);
      if (!found) throw new Error(`${file} has no activity ${id}`);
      return found;
    };

    it('2020: promise texts', () => {
      const a = parsed('jonkoping-2020.json');
      expect(a.promises[0]?.text).to.equal(
        'Identifiera och arbeta förebyggande på otrygga platser i Jönköpings kommun',
      );
      expect(a.promises[1]?.text).to.match(/^Arbeta aktivt mot drogförsäljning på Öxnehaga/);
    });

    it('2020: targets', () => {
      const f = 'jonkoping-2020.json';
      expect(act(f, 'gemensam-krogtillsyn').target).to.deep.equal({ kind: 'count', count: 4, unit: 'tillfällen' });
      expect(act(f, 'sig').target).to.deep.equal({ kind: 'count', count: 2, unit: 'ärenden' });
      expect(act(f, 'krogtillsyn-natthelger').target).to.deep.equal({ kind: 'recurring', rhythm: 'weekendNights' });
      expect(act(f, 'torsdagsmote').target).to.deep.equal({ kind: 'recurring', rhythm: 'weekly' });
      expect(act(f, 'ssg').target).to.deep.equal({ kind: 'recurring', rhythm: 'monthly' });
      expect(act(f, 'fotpatrullering-oxnehaga').target).to.deep.equal({ kind: 'recurring', rhythm: 'monthly' });
    });

    it('2020: keywords', () => {
      const f = 'jonkoping-2020.json';
      expect(act(f, 'enkatundersokning').keywords).to.include.members(['enkät', 'enkätundersökning']);
      expect(act(f, 'krogtillsyn-natthelger').keywords).to.include.members([
        'krogtillsyn',
        'krogtillsyner',
        'fotpatrullering',
        'natthelg',
      ]);
      const gemensam = act(f, 'gemensam-krogtillsyn').keywords;
      expect(gemensam).to.include.members([
        'krogtillsyn',
        'krogtillsyner',
        'gemensam krogtillsyn',
        'gemensamma krogtillsyner',
      ]);
      expect(gemensam).to.not.include('fotpatrullering');
      expect(act(f, 'trivs-i-jkpg-enkat').keywords).to.include.members(['trivs i jkpg', 'webbenkät', 'enkät']);
      expect(act(f, 'fotpatrullering-oxnehaga').keywords).to.include.members([
        'fotpatrullering',
        'fotpatrullera',
        'synlighet',
      ]);
      expect(act(f, 'grannsamverkan').keywords).to.include('grannsamverkan');
      expect(act(f, 'orosanmalan-utbildning').keywords).to.include.members(['orosanmälan', 'utbildning']);
      expect(act(f, 'ssg').keywords).to.include.members(['ssg', 'lägesbild', 'säkerhetsgrupp']);
      expect(act(f, 'oxnehaga-torg').keywords).to.include.members(['torget', 'öxnehaga torg']);
      expect(act(f, 'sig').keywords).to.include.members(['sig', 'sociala insatsgruppen', 'ärende']);
      expect(act(f, 'torsdagsmote').keywords).to.include.members(['torsdagsmöte', 'torsdagsmöten', 'samverkan']);
    });

    it('2020: parties and places', () => {
      const f = 'jonkoping-2020.json';
      expect(act(f, 'fotpatrullering-oxnehaga').places).to.include.members(['Öxnehaga', 'Österängen', 'Ekhagen']);
      expect(act(f, 'oxnehaga-torg').parties).to.have.members(['Kommunen', 'Vätterhem']);
      expect(act(f, 'torsdagsmote').parties).to.have.members(['Kommunen', 'Vätterhem', 'Polisen']);
      expect(act(f, 'torsdagsmote').places).to.include('Öxnehaga');
      expect(act(f, 'gemensam-krogtillsyn').parties).to.have.members(['Kommunen', 'Polisen']);
    });

    it('2018-2019: keywords', () => {
      const f = 'jonkoping-2018-2019.json';
      expect(act(f, 'hundsok').keywords).to.include.members(['hundsök', 'narkotikahund']);
      expect(act(f, 'sociala-insatsgrupper').keywords).to.include('sig');
      expect(act(f, 'andt-arbete').keywords).to.include.members([
        'andt',
        'föräldrar förebygger',
        'alkohol',
        'drogpolitiska',
      ]);
      expect(act(f, 'krogmiljo-helgnatter').keywords).to.include.members(['krogtillsyn', 'helgnätter']);
      expect(act(f, 'krogmiljo-helgnatter').target).to.deep.equal({ kind: 'recurring', rhythm: 'weekendNights' });
    });

    it('2018-2019: the activities after the prose line serve the second promise', () => {
      const a = parsed('jonkoping-2018-2019.json');
      const centrum = [
        'fotpatrullering-centrum',
        'krogmiljo-helgnatter',
        'polisvolontarer',
        'nattvandring',
        'juneporten',
        'belysning',
      ];
      for (const id of centrum) {
        expect(act('jonkoping-2018-2019.json', id).promiseIds, id).to.deep.equal(['trygghet-centrum']);
      }
      for (const x of a.activities.filter((x) => !centrum.includes(x.id))) {
        expect(x.promiseIds, x.id).to.include('drogfri-miljo');
      }
    });
  });
});
