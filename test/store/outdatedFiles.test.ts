// A start that would upgrade a file's format takes a snapshot first: which files are outdated is
// read from the head of each file when "version" comes first (as the bot writes it), else from the whole.
import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { outdatedFiles } from '../../src/store/backups.js';
import { tempDir } from '../support/harness.js';

describe('outdated store files (the upgrade snapshot)', () => {
  it('names files of another format version, wherever "version" stands, and the single-area agreements.json', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'areas.json'), '{\n  "version": 1,\n  "areas": []\n}\n');
    writeFileSync(
      path.join(dir, 'entries-a.json'),
      `{\n  "version": 2,\n  "entries": [${'{"x":1},'.repeat(100)}{}]\n}\n`,
    );
    writeFileSync(
      path.join(dir, 'entries-b.json'),
      `{"agreementId": "b", "entries": [${'{"x":1},'.repeat(100)}{}], "version": 2}`,
    );
    writeFileSync(path.join(dir, 'entries-c.json'), `{"version":1,"entries":[]}`);
    writeFileSync(path.join(dir, 'broken.json'), '{"version": 2');
    expect((await outdatedFiles(dir)).sort()).to.deep.equal(['entries-a.json', 'entries-b.json']);

    const legacy = tempDir();
    writeFileSync(path.join(legacy, 'agreements.json'), '{"version": 1, "agreements": []}');
    expect(await outdatedFiles(legacy)).to.deep.equal(['agreements.json']);
  });
});
