// Notes past NOTE_RETENTION_MONTHS are cleared; the entry, its date and count stay, and a run is audited once per agreement, naming the entries.
import { expect } from 'chai';
import { clearOldNotes } from '../../src/app/noteRetention.js';
import { noteRetentionCutoff } from '../../src/domain/retention.js';
import { CapturingLogger } from '../support/fakes.js';
import { harness, readable, SAMORDNARE } from '../support/harness.js';

describe('note retention', () => {
  it('counts whole calendar months back from today', () => {
    expect(noteRetentionCutoff('2026-11-29', 36)).to.equal('2023-11-29');
    expect(noteRetentionCutoff('2024-03-31', 1)).to.equal('2024-02-29');
    expect(noteRetentionCutoff('2026-01-15', 13)).to.equal('2024-12-15');
  });

  it('clears notes older than the cutoff, keeps the entries and their figures, and records each', async () => {
    const h = await harness();
    await h.say('/logga gemensam krogtillsyn 2020-03-14 gammal anteckning');
    await h.say('/logga gemensam krogtillsyn 2020-06-01 ny anteckning');
    const before = readable(await h.say('/status 2020', { user: SAMORDNARE }));
    const cleared = await clearOldNotes(h.port, new Date('2023-05-01T12:00:00Z'), 36, new CapturingLogger());
    expect(cleared).to.equal(1);
    const entries = (await h.records.allEntries()).filter((e) => e.activityId === 'gemensam-krogtillsyn');
    expect(entries.map((e) => [e.date, e.count, e.note ?? null])).to.deep.equal([
      ['2020-03-14', 1, null],
      ['2020-06-01', 1, 'ny anteckning'],
    ]);
    expect(entries[0]?.noteCleared).to.deep.include({ reason: 'retention' });
    expect(readable(await h.say('/status 2020', { user: SAMORDNARE }))).to.equal(before);
    const records = (await h.port.audit.read()).filter((r) => r.action === 'note.cleared');
    expect(records).to.have.length(1);
    expect(records[0]).to.deep.include({ agreementId: 'jonkoping-2020', entryIds: [entries[0]?.id] });
    expect(await clearOldNotes(h.port, new Date('2023-05-01T12:00:00Z'), 36, new CapturingLogger())).to.equal(0);
  });

  it('records a run that clears many notes as one audit record listing them', async () => {
    const h = await harness();
    for (const [day, note] of [
      ['2020-03-10', 'lugnt'],
      ['2020-03-11', 'blåsigt'],
      ['2020-03-12', 'regnigt'],
      ['2020-03-13', 'fullt på torget'],
    ])
      await h.say(`/logga gemensam krogtillsyn ${day} ${note}`);
    const auditedBefore = (await h.port.audit.read()).length;
    expect(await clearOldNotes(h.port, new Date('2023-05-01T12:00:00Z'), 36, new CapturingLogger())).to.equal(4);
    const added = (await h.port.audit.read()).slice(auditedBefore);
    expect(added).to.have.length(1);
    const ids = (await h.records.allEntries()).map((e) => e.id);
    expect(added[0]).to.deep.include({ action: 'note.cleared', via: 'system', entryIds: ids });
    expect(added[0]?.detail).to.equal('retention: anteckningar äldre än 36 månader');
    expect((await h.records.allEntries()).every((e) => e.note === undefined)).to.equal(true);
  });

  it('runs once a day across instances sharing the store: two runs at once clear each note once, the next day runs again', async () => {
    const h = await harness();
    await h.say('/logga gemensam krogtillsyn 2020-03-14 gammal anteckning');
    await h.say('/logga gemensam krogtillsyn 2020-05-02 nyare anteckning');
    const day = new Date('2023-05-01T12:00:00Z');
    const runs = await Promise.all([1, 2].map(() => clearOldNotes(h.port, day, 36, new CapturingLogger())));
    expect(runs.sort()).to.deep.equal([0, 1]);
    expect((await h.port.audit.read()).filter((r) => r.action === 'note.cleared')).to.have.length(1);
    // Two days on, the cutoff has passed the second note too.
    expect(await clearOldNotes(h.port, new Date('2023-05-03T12:00:00Z'), 36, new CapturingLogger())).to.equal(1);
    expect((await h.records.allEntries()).map((e) => e.note ?? null)).to.deep.equal([null, null]);
  });
});
