// "/uppföljning [T1 | T2 | T3] [år]" and "/export [år]": the words after the command, in any order.
import type { Tertial } from './calendar.js';
import { fold, words } from './text.js';

/** Why the words after /uppföljning were refused; `typed` is cut to 30 characters. */
export type FollowUpArgsProblem =
  | { code: 'followUpArgs.whichTertial' }
  | { code: 'followUpArgs.oneYear' }
  | { code: 'followUpArgs.unknownWord'; typed: string }
  | { code: 'followUpArgs.oneTertial' }
  | { code: 'followUpArgs.noSuchTertial'; typed: string };

export type FollowUpArgs = { ok: true; tertial?: Tertial; year?: number } | ({ ok: false } & FollowUpArgsProblem);

/**
 * The tertial and year of "/uppföljning [T1 | T2 | T3] [år]", in any order ("T1 2020", "tertial 3 2019",
 * "2020 t2"), or the problem with what was typed.
 */
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
      if (t === undefined || !/^\d+$/u.test(t)) return { ok: false, code: 'followUpArgs.whichTertial' };
    } else if (/^\d{4}$/u.test(token)) {
      if (year !== undefined) return { ok: false, code: 'followUpArgs.oneYear' };
      year = Number(token);
      continue;
    } else {
      return { ok: false, code: 'followUpArgs.unknownWord', typed: shown(raw[i] ?? token) };
    }
    if (tertial !== undefined) return { ok: false, code: 'followUpArgs.oneTertial' };
    if (t !== '1' && t !== '2' && t !== '3')
      return { ok: false, code: 'followUpArgs.noSuchTertial', typed: shown(t ?? '') };
    tertial = Number(t) as Tertial;
  }
  return { ok: true, ...(tertial ? { tertial } : {}), ...(year !== undefined ? { year } : {}) };
}

/** Words that are not one year; `example` is the command to show ("/export 2020"). */
export type YearArgProblem = { code: 'yearArg.unknown'; typed: string; example: string };

export type YearArg = { ok: true; year?: number } | ({ ok: false } & YearArgProblem);

/** Nothing or one year ("2020") after a command; `example` is the command shown when refused. */
export function parseYearArg(args: string, example: string): YearArg {
  const tokens = words(args);
  if (tokens.length === 0) return { ok: true };
  const token = tokens[0] ?? '';
  if (tokens.length === 1 && /^\d{4}$/u.test(token)) return { ok: true, year: Number(token) };
  return { ok: false, code: 'yearArg.unknown', typed: shown(tokens.join(' ')), example };
}

function shown(s: string): string {
  return s.length > 30 ? `${s.slice(0, 30)}…` : s;
}
