// The import draft as plain Swedish text: what `npm run import` prints, one block per activity with
// its parties, target and places, and every field the importer was unsure of marked with "?" and
// the reason.
import type { AgreementDraft } from '../domain/import/importText.js';
import { targetText } from './followUpTexts.js';
import { doubtText } from './importDoubtTexts.js';

const MARK = '?';
const FIELD: Record<string, string> = {
  period: 'period',
  municipality: 'kommun',
  policeArea: 'lokalpolisområde',
  promises: 'löften',
  parties: 'parter',
  target: 'mål',
  places: 'platser',
  promiseIds: 'löfte',
};

/** Lines describing the drafts, for a terminal. Uncertain fields end in " ?" and get a "  ? …" reason line. */
export function importSummaryLines(drafts: readonly AgreementDraft[]): string[] {
  const lines: string[] = [];
  for (const d of drafts) {
    const a = d.agreement;
    const mark = (doubt: unknown) => (doubt ? ` ${MARK}` : '');
    lines.push(`${a.title} (${a.id}): ${a.period.start} – ${a.period.end}${mark(d.doubts.period)}`);
    lines.push(`  ${a.municipality}${mark(d.doubts.municipality)} · ${a.policeArea}${mark(d.doubts.policeArea)}`);
    for (const [field, reason] of Object.entries(d.doubts))
      lines.push(`  ${MARK} ${FIELD[field] ?? field}: ${doubtText(reason)}`);
    a.promises.forEach((p, i) => {
      lines.push(`  Löfte ${i + 1}: ${p.text}`);
      a.activities
        .filter((x) => x.promiseIds[0] === p.id)
        .forEach((x) => {
          const doubts = d.activityDoubts[x.id] ?? {};
          const also =
            x.promiseIds.length > 1
              ? ` (även löfte ${x.promiseIds
                  .slice(1)
                  .map((id) => a.promises.findIndex((q) => q.id === id) + 1)
                  .join(', ')})`
              : '';
          lines.push(`    • ${x.name}${also}${mark(doubts.promiseIds)}`);
          lines.push(`        parter: ${x.parties.join(', ')}${mark(doubts.parties)}`);
          lines.push(`        mål:    ${targetText(x)}${mark(doubts.target)}`);
          lines.push(`        platser: ${x.places.length > 0 ? x.places.join(', ') : '–'}${mark(doubts.places)}`);
          for (const [field, reason] of Object.entries(doubts))
            lines.push(`        ${MARK} ${FIELD[field] ?? field}: ${doubtText(reason)}`);
        });
    });
    if (d.unused.length > 0) {
      lines.push('  Text som inte lästes in:');
      for (const u of d.unused) lines.push(`    "${u}"`);
    }
    const unsure = Object.keys(d.activityDoubts).length;
    lines.push(`  ${a.activities.length} aktiviteter, ${unsure} med något att granska.`);
    lines.push('');
  }
  return lines;
}
