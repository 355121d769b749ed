// Each layer boundary in eslint.config.js is proven by a fixture that breaks it on purpose
// (test/fixtures/boundaries/*.ts, each naming the file it pretends to be and the rule it breaks),
// linted with the project's own configuration. A rule that stopped firing would pass `npm run lint`
// silently; here it fails.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.join(root, 'test/fixtures/boundaries');

interface Fixture {
  file: string;
  lintAs: string;
  rule: string;
  text: string;
}

function readFixtures(): Fixture[] {
  return readdirSync(fixtures)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((file) => {
      const text = readFileSync(path.join(fixtures, file), 'utf8');
      const lintAs = /^\/\/ lint-as: (\S+)$/mu.exec(text)?.[1];
      const rule = /^\/\/ rule: (\S+)$/mu.exec(text)?.[1];
      if (!lintAs || !rule) throw new TypeError(`${file} needs "// lint-as:" and "// rule:" header lines`);
      return { file, lintAs, rule, text };
    });
}

describe('layer boundaries (eslint.config.js)', function () {
  this.timeout(120_000);
  // Boundary rules read imports, not types: linting without the type checker keeps this test fast and
  // lets a fixture pretend to live anywhere in src/.
  const eslint = new ESLint({ cwd: root, ignore: false, overrideConfig: [tseslint.configs.disableTypeChecked] });
  const all = readFixtures();

  it('has a fixture for each boundary rule', () => {
    const rules = new Set(all.map((f) => f.rule));
    for (const rule of [
      'import-x/no-restricted-paths',
      'no-restricted-imports',
      'no-restricted-globals',
      'no-restricted-properties',
      '@typescript-eslint/no-restricted-imports',
      'no-restricted-syntax',
      'max-lines-per-function',
      'none',
    ])
      expect(rules, rule).to.include(rule);
  });

  // Issue 21: only main.ts wires the store in; everything else reaches it through src/app/port.
  for (const folder of ['app', 'views', 'domain', 'scheduler', 'report', 'channel', 'bot', 'bot-agents']) {
    it(`refuses a type import of src/store in src/${folder}, and allows the port`, async () => {
      const lint = async (text: string) => {
        const [result] = await eslint.lintText(text, { filePath: path.join(root, `src/${folder}/storeFixture.ts`) });
        return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId);
      };
      const store = "import type { Store } from '../store/store.js';\nexport type Wired = Store;\n";
      const port = "import type { StorePort } from '../app/port/index.js';\nexport type Wired = StorePort;\n";
      expect(await lint(store)).to.satisfy((ids: (string | null)[]) =>
        ids.some((id) => id === '@typescript-eslint/no-restricted-imports' || id === 'import-x/no-restricted-paths'),
      );
      if (folder !== 'domain') expect(await lint(port)).to.deep.equal([]);
    });
  }

  for (const fixture of all) {
    const verdict = fixture.rule === 'none' ? 'passes' : `fails with ${fixture.rule}`;
    it(`${fixture.file} linted as ${fixture.lintAs} ${verdict}`, async () => {
      const [result] = await eslint.lintText(fixture.text, { filePath: path.join(root, fixture.lintAs) });
      const errors = (result?.messages ?? []).filter((m) => m.severity === 2);
      if (fixture.rule === 'none') expect(errors.map((m) => `${m.ruleId}: ${m.message}`)).to.deep.equal([]);
      else expect(errors.map((m) => m.ruleId)).to.include(fixture.rule);
    });
  }
});
