// npm run import: the draft file, the printed summary and the exit codes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { main } from '../../src/cli/import.js';
import { agreementSchema } from '../../src/domain/agreement.js';

const seed = new URL('../fixtures/jonkoping-medborgarloften.txt', import.meta.url).pathname;
const ekby = new URL('../fixtures/import/ekby-bullets-aktiviteter.txt', import.meta.url).pathname;

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const { log, error } = console;
  console.log = (...a: unknown[]) => out.push(a.join(' '));
  console.error = (...a: unknown[]) => err.push(a.join(' '));
  try {
    const code = await main(args, new Date('2026-11-29T12:00:00Z'));
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    console.log = log;
    console.error = error;
  }
}

describe('npm run import', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'import-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes an array for a text with two agreements and prints each activity with its unsure fields marked', async () => {
    const out = path.join(dir, 'seed.json');
    const r = await run([seed, '--out', out]);
    expect(r.code).to.equal(0);
    const written = JSON.parse(readFileSync(out, 'utf8')) as unknown[];
    expect(written.map((a) => agreementSchema.parse(a).id)).to.deep.equal(['jonkoping-2020', 'jonkoping-2018-2019']);
    expect(r.out).to.contain('Medborgarlöfte 2020 (jonkoping-2020): 2020-01-01 – 2020-12-31');
    expect(r.out).to.contain('parter: Kommunen, Polisen');
    expect(r.out).to.contain('mål:    Minst 4 tillfällen under perioden');
    expect(r.out).to.contain('platser: Öxnehaga, Österängen, Ekhagen');
    expect(r.out).to.contain('? löfte: löftet är valt efter ordningen i listan');
    expect(r.out).to.contain('Skrev');
  });

  it('writes one object for a text with one agreement, in the area given', async () => {
    const out = path.join(dir, 'ekby.json');
    const r = await run([ekby, '--out', out, '--area', 'ekby-test']);
    expect(r.code).to.equal(0);
    const a = agreementSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(a.area).to.equal('ekby-test');
    expect(a.period).to.deep.equal({ start: '2022-07-01', end: '2023-06-30' });
  });

  it("exit 1 on a draft it may not write, with the error catalogue's fix under the line", async function () {
    // sysfs refuses a new file to everyone, root included (EACCES).
    if (process.platform !== 'linux') this.skip();
    const r = await run([ekby, '--out', '/sys/fs/utkast.json']);
    expect(r.code).to.equal(1);
    expect(r.err).to.include('Kunde inte skriva /sys/fs/utkast.json: EACCES');
    expect(r.err).to.include('Åtgärd (fel 202): Ge användaren som kör boten läs- och skrivrätt');
  });

  it('exit 1 when nothing is understood or the file cannot be read, and writes nothing', async () => {
    const empty = path.join(dir, 'empty.txt');
    writeFileSync(empty, 'Hej!\n\nHär står inget om några löften.\n');
    const out = path.join(dir, 'none.json');
    const r = await run([empty, '--out', out]);
    expect(r.code).to.equal(1);
    expect(r.err).to.contain('Inget skrevs');
    expect(() => readFileSync(out)).to.throw();
    const missing = await run([path.join(dir, 'saknas.txt'), '--out', out]);
    expect(missing.code).to.equal(1);
    expect(missing.err).to.equal(`Kunde inte läsa ${path.join(dir, 'saknas.txt')}: filen finns inte`);
    expect((await run([dir, '--out', out])).err).to.equal(`Kunde inte läsa ${dir}: det är en mapp, inte en fil`);
  });

  for (const [args, message] of [
    [[], 'Ange textfilen att läsa in.'],
    [[seed], 'Ange var utkastet ska skrivas med --out, t.ex. --out utkast.json.'],
    [[seed, '--out', 'x.json', '--bogus'], 'Okänt argument: --bogus'],
    [[seed, '--out'], 'Argumentet --out behöver ett värde, t.ex. --out <värde>.'],
    [[seed, seed, '--out', 'x.json'], `En textfil i taget: "${seed}" är för mycket.`],
    [
      [seed, '--out', 'x.json', '--area', 'Jönköping'],
      'Områdets id "Jönköping" ska skrivas med små bokstäver a-z, siffror och bindestreck.',
    ],
  ] as const) {
    it(`usage error, exit 2: ${args.join(' ') || '(inget)'}`, async () => {
      const r = await run([...args]);
      expect(r.code).to.equal(2);
      expect(r.err.split('\n')[0]).to.equal(message);
    });
  }
});
