// Each bot SDK has one folder that imports it, so moving to another SDK is one new folder: botbuilder
// (and its botframework-* packages) only in src/bot, the Microsoft 365 Agents SDK only in
// src/bot-agents. Read from the sources' import statements, static and dynamic.
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(path.join(dir, d.name)) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : [],
  );
}

/** Every module specifier a file imports or re-exports. */
export function importsOf(text: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/gu,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/gu,
    /^\s*import\s*['"]([^'"]+)['"]/gmu,
  ];
  for (const pattern of patterns) for (const m of text.matchAll(pattern)) if (m[1]) found.push(m[1]);
  return found;
}

const SDKS: { folder: string; packages: RegExp }[] = [
  { folder: 'bot', packages: /^(botbuilder|botframework-)/u },
  { folder: 'bot-agents', packages: /^@microsoft\/agents-/u },
];

describe('each bot SDK is imported by its own folder only', () => {
  const files = sources(SRC).map((file) => ({
    relative: path.relative(SRC, file).split(path.sep).join('/'),
    imports: importsOf(readFileSync(file, 'utf8')),
  }));

  it('finds the imports it checks (static, type-only and dynamic)', () => {
    expect(
      importsOf(`import { A } from 'botbuilder';\nimport type { B } from "x";\nconst m = await import('./y.js');`),
    ).to.have.members(['botbuilder', 'x', './y.js']);
    expect(files.find((f) => f.relative === 'bot/adapter.ts')?.imports).to.include('botbuilder');
    expect(files.find((f) => f.relative === 'bot-agents/runtime.ts')?.imports).to.include('@microsoft/agents-hosting');
  });

  for (const { folder, packages } of SDKS) {
    it(`only src/${folder}/ imports ${packages.source.replace(/[\\^()]/gu, '')}`, () => {
      const outside = files
        .filter((f) => !f.relative.startsWith(`${folder}/`))
        .flatMap((f) => f.imports.filter((i) => packages.test(i)).map((i) => `${f.relative}: ${i}`));
      expect(outside).to.deep.equal([]);
    });
  }

  it('the SDK folders do not import each other', () => {
    const crossing = files
      .filter((f) => f.relative.startsWith('bot/') || f.relative.startsWith('bot-agents/'))
      .flatMap((f) =>
        f.imports
          .filter((i) => (f.relative.startsWith('bot/') ? /\/bot-agents\//u : /\/bot\//u).test(i))
          .map((i) => `${f.relative}: ${i}`),
      );
    expect(crossing).to.deep.equal([]);
  });

  it('the app names the store only in its port (src/app/storePort.ts), as a type', () => {
    const direct = files
      .filter((f) => f.relative.startsWith('app/') && f.relative !== 'app/storePort.ts')
      .flatMap((f) => f.imports.filter((i) => i.includes('/store/')).map((i) => `${f.relative}: ${i}`));
    expect(direct).to.deep.equal([]);
  });
});
