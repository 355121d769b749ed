// "/uppföljning [T1 | T2 | T3] [år]" and "/export [år]": the words after the command, in any order.
import type { Tertial } from './calendar.js';
import { fold, words } from './text.js';

export type FollowUpArgs = { ok: true; tertial?: Tertial; year?: number } | { ok: false; error: string };

const EXAMPLE = 'Skriv t.ex. /uppföljning T1 2020, /uppföljning 2020 eller bara /uppföljning.';
const TERTIALS = 'Året har tre tertialer: T1 (januari–april), T2 (maj–augusti) och T3 (september–december).';

export function parseFollowUpArgs(args: string): FollowUpArgs {
  const raw = words(args.replace(/,/gu, ' '));
  const tokens = raw.map(fold);
  let tertial: Tertial | undefined;
  let year: number | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    let t: string | undefined;
    const short = /^(?:t|tertial)(\d+)$/u.exec(token);
    if (short) t = short[1];
    else if (token === 'tertial' || token === 't') {
      t = tokens[i + 1];
      i += 1;
      if (t === undefined || !/^\d+$/u.test(t)) return { ok: false, error: `Vilken tertial? ${TERTIALS} ${EXAMPLE}` };
    } else if (/^\d{4}$/u.test(token)) {
      if (year !== undefined) return { ok: false, error: `Skriv bara ett år. ${EXAMPLE}` };
      year = Number(token);
      continue;
    } else {
      return { ok: false, error: `Jag förstår inte "${shown(raw[i] ?? token)}". ${EXAMPLE}` };
    }
    if (tertial !== undefined) return { ok: false, error: `Skriv bara en tertial. ${EXAMPLE}` };
    if (t !== '1' && t !== '2' && t !== '3')
      return { ok: false, error: `Tertial ${shown(t ?? '')} finns inte. ${TERTIALS}` };
    tertial = Number(t) as Tertial;
  }
  return { ok: true, ...(tertial ? { tertial } : {}), ...(year !== undefined ? { year } : {}) };
}

export type YearArg = { ok: true; year?: number } | { ok: false; error: string };

export function parseYearArg(args: string, example: string): YearArg {
  const tokens = words(args);
  if (tokens.length === 0) return { ok: true };
  const token = tokens[0] ?? '';
  if (tokens.length === 1 && /^\d{4}$/u.test(token)) return { ok: true, year: Number(token) };
  return { ok: false, error: `Jag förstår inte "${shown(tokens.join(' '))}". Skriv ett år, t.ex. ${example}.` };
}

function shown(s: string): string {
  return s.length > 30 ? `${s.slice(0, 30)}…` : s;
}
