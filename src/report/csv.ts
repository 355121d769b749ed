// Entries as CSV for Swedish Excel: UTF-8 with a byte order mark (or Excel reads å/ä/ö as
// Windows-1252), ";" between fields (Swedish Excel's list separator, since "," is the decimal
// comma), CRLF line ends. Undone entries are kept and marked "ja" under "borttagen", with who undid
// them and when; the last edit of an entry (from the audit log) has who and when too: the export
// is the whole record. It holds the names of who logged, so only coordinators get it. The last
// column numbers the occasions (1, 2, … in the file's order): the entries of one occasion, logged
// by several people, share a number, so a sum over distinct numbers counts what was done.
import type { Agreement, IsoDate } from '../domain/agreement.js';
import type { Entry } from '../domain/entry.js';
import { occasionKey } from '../domain/occasion.js';

const CSV_HEADER = [
  'datum',
  'medborgarlöfte',
  'löfte',
  'aktivitet',
  'plats',
  'antal',
  'timmar',
  'deltagare',
  'anteckning',
  'loggad av',
  'loggad tid',
  'borttagen',
  'borttagen av',
  'borttagen tid',
  'ändrad av',
  'ändrad tid',
  // Entries with the same number are one occasion, logged by several people (occasion.ts).
  'tillfälle',
] as const;

const BOM = '\uFEFF';

// A cell starting with one of these is a formula to Excel (and LibreOffice): =HYPERLINK(…) in a
// note would run when the file is opened. A leading apostrophe makes it text.
const FORMULA_START = /^[=+\-@\t\r]/u;

/** One field: guarded against formulas, quoted when it holds ";", '"' or a line break. */
function csvField(value: string, { text = true } = {}): string {
  const safe = text && FORMULA_START.test(value) ? `'${value}` : value;
  return /[;"\r\n]/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe;
}

let timeFormatter: Intl.DateTimeFormat | undefined;

/** "2020-03-14 20:30" on the Stockholm clock: Excel reads it as a date and time. */
function stockholmDateTime(iso: string): string {
  timeFormatter ??= new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? iso : timeFormatter.format(instant);
}

/** 2.5 → "2,5" */
function decimalComma(n: number): string {
  return String(n).replace('.', ',');
}

export interface CsvSource {
  agreement: Agreement;
  entries: readonly Entry[];
  /** The latest edit of each entry (by entry id), from the audit log: who, and when (ISO). */
  changes?: ReadonlyMap<string, { by: string; at: string }>;
}

/** Entries dated within the range (both ends included), oldest first, as a CSV file's text. */
export function entriesCsv(sources: readonly CsvSource[], range: { start: IsoDate; end: IsoDate }): string {
  const rows: { entry: Entry; cells: string[] }[] = [];
  for (const { agreement, entries, changes } of sources) {
    const activities = new Map(agreement.activities.map((a) => [a.id, a]));
    const promises = new Map(agreement.promises.map((p) => [p.id, p.text]));
    for (const entry of entries) {
      if (entry.date < range.start || entry.date > range.end) continue;
      const activity = activities.get(entry.activityId);
      const promiseTexts = (activity?.promiseIds ?? []).map((id) => promises.get(id) ?? id).join(' / ');
      const changed = changes?.get(entry.id);
      rows.push({
        entry,
        cells: [
          csvField(entry.date, { text: false }),
          csvField(agreement.title),
          csvField(promiseTexts),
          csvField(activity?.name ?? entry.activityId),
          csvField(entry.place ?? ''),
          csvField(String(entry.count), { text: false }),
          csvField(entry.hours === undefined ? '' : decimalComma(entry.hours), { text: false }),
          csvField(entry.participants === undefined ? '' : String(entry.participants), { text: false }),
          csvField(entry.note ?? ''),
          csvField(entry.by.name),
          csvField(stockholmDateTime(entry.loggedAt), { text: false }),
          csvField(entry.removed ? 'ja' : 'nej', { text: false }),
          csvField(entry.removed?.by.name ?? ''),
          csvField(entry.removed ? stockholmDateTime(entry.removed.at) : '', { text: false }),
          csvField(changed?.by ?? ''),
          csvField(changed ? stockholmDateTime(changed.at) : '', { text: false }),
        ],
      });
    }
  }
  rows.sort((a, b) => a.entry.date.localeCompare(b.entry.date) || a.entry.loggedAt.localeCompare(b.entry.loggedAt));
  const numbers = new Map<string, number>();
  for (const row of rows) {
    const key = occasionKey(row.entry);
    let n = numbers.get(key);
    if (n === undefined) numbers.set(key, (n = numbers.size + 1));
    row.cells.push(csvField(String(n), { text: false }));
  }
  const lines = [CSV_HEADER.join(';'), ...rows.map((r) => r.cells.join(';'))];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
