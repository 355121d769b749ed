// audit.jsonl on disk: appended and flushed, validated on open, a torn last line dropped, anything
// else unreadable refused with the file and the line, and left untouched.
import { expect } from 'chai';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileAppendLog } from '../../src/store/appendLog.js';
import { AuditLog } from '../../src/store/auditLog.js';
import { StoreFileError } from '../../src/store/storage.js';
import { tempDir } from '../support/harness.js';

const record = (n: number) => ({
  at: `2020-03-${String(n).padStart(2, '0')}T10:00:00.000Z`,
  by: { id: 'aad-anna', name: 'Anna' },
  via: 'chat' as const,
  action: 'entry.logged' as const,
  entryId: `e${n}`,
});

describe('audit log (audit.jsonl)', () => {
  it('appends one JSON line per change and reads them back after a restart', async () => {
    const file = path.join(tempDir(), 'audit.jsonl');
    const log = await AuditLog.open(fileAppendLog(file));
    await Promise.all([1, 2, 3].map((n) => log.record(record(n))));
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).to.have.length(3);
    expect(lines.map((l) => (JSON.parse(l) as { entryId: string }).entryId)).to.deep.equal(['e1', 'e2', 'e3']);
    const again = await AuditLog.open(fileAppendLog(file));
    expect((await again.read()).map((r) => r.entryId)).to.deep.equal(['e1', 'e2', 'e3']);
  });

  it('drops a torn last line (a crash in the middle of an append) and appends after it cleanly', async () => {
    const file = path.join(tempDir(), 'audit.jsonl');
    const log = await AuditLog.open(fileAppendLog(file));
    await log.record(record(1));
    appendFileSync(file, '{"v":1,"id":"x","at":"2020-03-02T1');
    const reopened = await AuditLog.open(fileAppendLog(file));
    expect(reopened.droppedTornLine).to.equal(true);
    expect((await reopened.read()).map((r) => r.entryId)).to.deep.equal(['e1']);
    await reopened.record(record(3));
    const third = await AuditLog.open(fileAppendLog(file));
    expect(third.droppedTornLine).to.equal(false);
    expect((await third.read()).map((r) => r.entryId)).to.deep.equal(['e1', 'e3']);
  });

  it('refuses a damaged line that is not the last, naming the file and the line, and leaves the file untouched', async () => {
    const file = path.join(tempDir(), 'audit.jsonl');
    const log = await AuditLog.open(fileAppendLog(file));
    await log.record(record(1));
    await log.record(record(2));
    const text = readFileSync(file, 'utf8').split('\n');
    text[0] = text[0]!.replace('"entry.logged"', '"entry.vanished"');
    writeFileSync(file, text.join('\n'));
    const before = readFileSync(file, 'utf8');
    let error: unknown;
    try {
      await AuditLog.open(fileAppendLog(file));
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(StoreFileError);
    expect((error as Error).message)
      .to.include(file)
      .and.include('rad 1');
    expect(readFileSync(file, 'utf8')).to.equal(before);
  });

  it('refuses a record that does not fit the format, also when it holds fields it should not (a note)', async () => {
    const file = path.join(tempDir(), 'audit.jsonl');
    writeFileSync(
      file,
      `${JSON.stringify({ v: 1, id: 'a', ...record(1), note: 'text' })}\n${JSON.stringify({ v: 1, id: 'b', ...record(2) })}\n`,
    );
    let error: unknown;
    await AuditLog.open(fileAppendLog(file)).catch((e: unknown) => (error = e));
    expect((error as Error).message).to.include('rad 1');
  });
});
