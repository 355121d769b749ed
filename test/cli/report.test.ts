// npm run report: the documents from a store on disk, read-only, with Swedish usage errors.
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { main } from '../../src/cli/report.js';
import { fileStorage } from '../../src/store/storage.js';
import { APPROVED_COMMENT, fixtureStore, publishFixture } from '../fixtures/followUpStore.js';
import { pdfText } from '../report/pdfText.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(path.join(dir, f)))
          .digest('hex'),
      ]),
  );
}

async function run(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const { log, error } = console;
  console.log = (...a: unknown[]) => out.push(a.join(' '));
  console.error = (...a: unknown[]) => err.push(a.join(' '));
  try {
    const code = await main(args, env);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    console.log = log;
    console.error = error;
  }
}

describe('npm run report', () => {
  let dir = '';
  let storeDir = '';
  let before_: Record<string, string>;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'report-cli-'));
    storeDir = path.join(dir, 'store');
    const store = await fixtureStore(fileStorage(storeDir));
    await publishFixture(store, { year: 2020, tertial: 1 }, new Date('2020-05-05T08:00:00Z'));
    await publishFixture(store, { year: 2020, tertial: 2 }, new Date('2020-09-05T08:00:00Z'));
    before_ = snapshot(storeDir);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => expect(snapshot(storeDir), 'the store is never written').to.deep.equal(before_));

  it('writes the follow-up PDF from STORE_DIR', async () => {
    const out = path.join(dir, 't1.pdf');
    const r = await run(['--year', '2020', '--tertial', '1', '--format', 'pdf', '--out', out], { STORE_DIR: storeDir });
    expect(r.code).to.equal(0);
    expect(r.err).to.match(/^Skrev .*t1\.pdf \([\d\s]+ byte\)\.$/u);
    const text = (await pdfText(readFileSync(out))).pages.join('\n');
    expect(text).to.include('Uppföljning av medborgarlöfte för Jönköpings kommun, tertial 1 2020');
    expect(text).to.include('inte påbörjad');
    expect(text.replace(/\s+/gu, ' ')).to.include(APPROVED_COMMENT);
  });

  it('writes the web page, and an Excel-ready CSV of a year or one tertial', async () => {
    expect(
      (await run(['--year', '2020', '--tertial', 'T2', '--out', path.join(dir, 't2.html'), '--store', storeDir], {}))
        .code,
    ).to.equal(0);
    expect(readFileSync(path.join(dir, 't2.html'), 'utf8')).to.include(
      '<h1>Uppföljning av medborgarlöfte för Jönköpings kommun, tertial 2 2020</h1>',
    );

    expect(
      (await run(['--year', '2020', '--format', 'csv', '--out', path.join(dir, 'all.csv')], { STORE_DIR: storeDir }))
        .code,
    ).to.equal(0);
    const all = readFileSync(path.join(dir, 'all.csv'), 'utf8');
    expect(all.startsWith('\uFEFFdatum;medborgarlöfte;')).to.equal(true);
    expect(all.split('\r\n')).to.have.lengthOf(1 + 31 + 1);

    expect(
      (await run(['--year', '2020', '--tertial', '3', '--out', path.join(dir, 't3.csv')], { STORE_DIR: storeDir }))
        .code,
    ).to.equal(0);
    expect(readFileSync(path.join(dir, 't3.csv'), 'utf8').split('\r\n')).to.have.lengthOf(1 + 2 + 1);
  });

  const usage: Array<[string[], string]> = [
    [[], 'Ange året med --year, t.ex. --year 2020.'],
    [['--year', '20'], 'Året "20" ska skrivas med fyra siffror, t.ex. 2020.'],
    [['--year', '2020'], 'Ange tertialen med --tertial 1, 2 eller 3 (uppföljningen görs per tertial).'],
    [
      ['--year', '2020', '--tertial', '4'],
      'Tertial "4" finns inte: ange 1 (januari–april), 2 (maj–augusti) eller 3 (september–december).',
    ],
    [['--year', '2020', '--tertial', '1', '--format', 'docx'], 'Formatet "docx" finns inte: ange pdf, html eller csv.'],
    [['--year', '2020', '--tertial', '1', '--utan'], 'Okänt argument: --utan'],
  ];
  for (const [args, message] of usage) {
    it(`usage error, exit 2: ${args.join(' ') || '(inget)'}`, async () => {
      const r = await run(args, { STORE_DIR: storeDir });
      expect(r.code).to.equal(2);
      expect(r.err.split('\n')[0]).to.equal(message);
      expect(r.err).to.include('Användning: npm run report -- --year <år>');
    });
  }

  it('nothing to report, exit 1', async () => {
    const r = await run(['--year', '2030', '--tertial', '1'], { STORE_DIR: storeDir });
    expect([r.code, r.err]).to.deep.equal([1, 'Inget medborgarlöfte i lagringen gäller tertial 1 2030.']);
    const missing = await run(['--year', '2020', '--tertial', '1'], { STORE_DIR: path.join(dir, 'finns-inte') });
    expect(missing.code).to.equal(1);
    expect(missing.err).to.match(/^Hittar ingen lagring i .*finns-inte: .*areas\.json finns inte\./u);
    expect(readdirSync(dir)).not.to.include('finns-inte');
    const unpublished = await run(['--year', '2020', '--tertial', '3'], { STORE_DIR: storeDir });
    expect([unpublished.code, unpublished.err]).to.deep.equal([
      1,
      'Tertial 3 2020 är inte publicerad. En samordnare granskar och publicerar den med /uppföljning T3 2020 i boten.',
    ]);
  });

  it('a corrupt store file: exit 1 naming the file, which is left as it was', async () => {
    const bad = path.join(dir, 'bad');
    await fixtureStore(fileStorage(bad));
    const file = path.join(bad, 'entries-jonkoping-2020.json');
    writeFileSync(file, '{"version":1,"agreementId":"jonkoping-2020","entries":[{"id":1}],"completions":[]}');
    const was = snapshot(bad);
    const r = await run(['--year', '2020', '--tertial', '1', '--out', path.join(dir, 'x.pdf')], { STORE_DIR: bad });
    expect(r.code).to.equal(1);
    expect(r.err).to.include(`Lagringsfilen ${file} kan inte läsas`);
    expect(snapshot(bad)).to.deep.equal(was);
  });

  it('runs as the npm script on a fresh checkout (a real process)', async () => {
    const out = path.join(dir, 'npm.csv');
    const { stdout, stderr } = await promisify(execFile)(
      'npm',
      ['run', '--silent', 'report', '--', '--year', '2020', '--format', 'csv', '--out', out],
      {
        cwd: ROOT,
        // No DATABASE_URL from the machine's environment: this is the folder's test.
        env: { ...process.env, STORE_DIR: storeDir, DATABASE_URL: '' },
      },
    );
    expect(stdout).to.equal('');
    expect(stderr).to.include(`Skrev ${out}`);
    expect(readFileSync(out, 'utf8')).to.include(';Gemensam krogtillsyn;krogmiljön;1;3;');
  });
});
