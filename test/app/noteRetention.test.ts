// Notes past NOTE_RETENTION_MONTHS are cleared; the entry, its date and count stay, and each is audited.
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
    const cleared = await clearOldNotes(h.store, new Date('2023-05-01T12:00:00Z'), 36, new CapturingLogger());
    expect(cleared).to.equal(1);
    const entries = h.store.allEntries().filter((e) => e.activityId === 'gemensam-krogtillsyn');
    expect(entries.map((e) => [e.date, e.count, e.note ?? null])).to.deep.equal([
      ['2020-03-14', 1, null],
      ['2020-06-01', 1, 'ny anteckning'],
    ]);
    expect(entries[0]?.noteCleared).to.deep.include({ reason: 'retention' });
    expect(readable(await h.say('/status 2020', { user: SAMORDNARE }))).to.equal(before);
    expect(h.store.audit.all().filter((r) => r.action === 'note.cleared')).to.have.length(1);
    expect(await clearOldNotes(h.store, new Date('2023-05-01T12:00:00Z'), 36, new CapturingLogger())).to.equal(0);
  });
});
