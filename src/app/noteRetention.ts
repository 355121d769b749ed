// Notes are working material, kept NOTE_RETENTION_MONTHS (36) from the entry's date and then
// cleared: the entry, its date and its count stay, so every figure does too. Runs at start and
// every night on the bot's clock. A run is one audit record per agreement it cleared notes in (by
// the bot, "system"), naming the entries: a first run over years of notes is then one line, not
// one per note. Instances sharing a store run it once a day between them: the day is claimed
// first (deliveries.claim). What a run cut short by its instance's death left is cleared the next
// day, whose cutoff is later.
import { SYSTEM_ACTOR } from '../domain/audit.js';
import { noteRetentionCutoff } from '../domain/retention.js';
import { stockholmDate } from '../domain/calendar.js';
import type { StorePort } from './port/index.js';
import type { Logger } from './ports.js';
import { auditDetailTexts } from '../views/auditDetailTexts.js';
import { render } from '../views/catalogue.js';

/**
 * Clears the notes of entries dated before the cutoff, in every area; returns how many. Once per
 * Stockholm day of `now` across every instance sharing the store (a later call that day returns 0).
 * Never throws.
 */
export async function clearOldNotes(port: StorePort, now: Date, months: number, logger: Logger): Promise<number> {
  try {
    const today = stockholmDate(now);
    if (!(await port.deliveries.claim(`retention|${today}`, now))) {
      logger.info({ today }, 'note retention already run today (by this or another instance)');
      return 0;
    }
    const cutoff = noteRetentionCutoff(today, months);
    let cleared = 0;
    for (const area of await port.areas.areas()) {
      // The store completes the record per agreement with the entries it cleared there.
      const entries = await port.records(area.id).clearNotes(
        { before: cutoff },
        { at: now.toISOString(), reason: 'retention' },
        {
          at: now.toISOString(),
          by: SYSTEM_ACTOR,
          via: 'system',
          action: 'note.cleared',
          areaId: area.id,
          detail: render(auditDetailTexts, { code: 'auditDetail.notesRetention', months }),
        },
      );
      cleared += entries.length;
    }
    if (cleared > 0) logger.info({ cleared, cutoff }, 'notes past their retention cleared');
    return cleared;
  } catch (error) {
    logger.error({ err: error }, 'could not clear the notes past their retention');
    return 0;
  }
}
