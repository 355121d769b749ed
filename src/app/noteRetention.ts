// Notes are working material, kept NOTE_RETENTION_MONTHS (36) from the entry's date and then
// cleared: the entry, its date and its count stay, so every figure does too. Runs at start and
// every night on the bot's clock. A run is one audit record per agreement it cleared notes in (by
// the bot, "system"), naming the entries: a first run over years of notes is then one line, not
// one per note.
import { SYSTEM_ACTOR } from '../domain/audit.js';
import { noteRetentionCutoff } from '../domain/retention.js';
import { stockholmDate } from '../domain/calendar.js';
import type { Logger } from './ports.js';
import type { Store } from '../store/store.js';

/** Clears the notes of entries dated before the cutoff; returns how many. Never throws. */
export async function clearOldNotes(store: Store, now: Date, months: number, logger: Logger): Promise<number> {
  try {
    const cutoff = noteRetentionCutoff(stockholmDate(now), months);
    const cleared = await store.clearNotes((e) => e.date < cutoff, { at: now.toISOString(), reason: 'retention' });
    const byAgreement = new Map<string, string[]>();
    for (const e of cleared) {
      const ids = byAgreement.get(e.agreementId) ?? [];
      ids.push(e.id);
      byAgreement.set(e.agreementId, ids);
    }
    for (const [agreementId, entryIds] of byAgreement)
      await store.audit.record({
        at: now.toISOString(),
        by: SYSTEM_ACTOR,
        via: 'system',
        action: 'note.cleared',
        agreementId,
        entryIds,
        detail: `retention: ${entryIds.length} ${entryIds.length === 1 ? 'anteckning' : 'anteckningar'} äldre än ${months} månader`,
      });
    if (cleared.length > 0) logger.info({ cleared: cleared.length, cutoff }, 'notes past their retention cleared');
    return cleared.length;
  } catch (error) {
    logger.error({ err: error }, 'could not clear the notes past their retention');
    return 0;
  }
}
