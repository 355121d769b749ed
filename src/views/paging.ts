// Long lists in cards are shown a page at a time with a "Visa fler" button, never cut silently:
// Teams refuses a message over 28 KB, and a phone screen is read from the top.
import type { IsoDate } from '../domain/agreement.js';

export interface Page<T> {
  items: T[];
  /** 0-based, clamped to the pages there are. */
  page: number;
  pages: number;
  /** 1-based positions of the first and last item shown, for "visar 13–24 av 40". */
  first: number;
  last: number;
  total: number;
}

export function pageOf<T>(items: readonly T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(0, Math.floor(Number.isFinite(page) ? page : 0)), pages - 1);
  const shown = items.slice(p * size, (p + 1) * size);
  return {
    items: shown,
    page: p,
    pages,
    first: shown.length > 0 ? p * size + 1 : 0,
    last: p * size + shown.length,
    total: items.length,
  };
}

export type PagedView = 'status' | 'summary' | 'mine';

/** What "Visa fler" sends back: enough to build the next page of the same card. */
interface PageSubmit {
  verb: 'page';
  view: PagedView;
  page: number;
  /** The command's arguments, as the first page was asked for ("2020", "tertial 2020"). */
  args: string;
  /** The date the first page was taken at, so later pages show the same period. */
  asOf?: IsoDate;
}

export interface MoreData {
  show: boolean;
  title: string;
  submit: PageSubmit;
}

export function moreData<T>(page: Page<T>, view: PagedView, args: string, unit: string, asOf?: IsoDate): MoreData {
  const left = page.total - page.last;
  return {
    show: left > 0,
    title: `Visa fler (${left} ${unit} till)`,
    submit: { verb: 'page', view, page: page.page + 1, args, ...(asOf ? { asOf } : {}) },
  };
}
