// The long cards (/status, /sammanfattning, the weekly post) open as an overview that fits a phone
// screen: per promise its heading and one line of figures, with the activity rows folded behind a
// "Visa aktiviteterna" button (Action.ToggleVisibility: schema 1.2, rendered by Teams on desktop
// and mobile, and by Microsoft's JS renderer in the Playground). An activity that serves several
// promises is listed once, under the first of them; its row names the others, and each other
// promise names it, so the figures per promise still count it.
import type { AgreementPromise } from '../domain/agreement.js';
import type { Page } from './paging.js';

/** What cards/status.json and cards/summary.json bind for one promise's fold. */
export interface FoldData {
  /** Element ids, unique in the card: the folded rows (with the close button) and the open button. */
  detailsId: string;
  openId: string;
  /** Both ids: each button shows one and hides the other. */
  targets: string[];
  /** "Visa aktiviteterna (5)". */
  openTitle: string;
  closeTitle: string;
  /** Unfolded when the card arrives: on later pages, which the reader asked "Visa fler" for. */
  open: boolean;
  /** Whether there is anything to fold (rows or notes). */
  show: boolean;
}

/** An activity as the long cards list it: once, under the promise that owns it. */
export interface OwnedActivity<A> {
  promise: AgreementPromise;
  activity: A;
  /** The other promises it serves, by number ("löfte 2"), for its row. */
  alsoServes: number[];
}

/** A promise on one page: its rows on that page and the notes for what is shown elsewhere. */
export interface PromiseSection<R> {
  promise: AgreementPromise;
  number: number;
  rows: R[];
  notes: string[];
  fold: FoldData;
}

/**
 * Each activity once, under the first promise (in the agreement's order) that lists it.
 * `promises` is the agreement's promises with the activities serving each, as the status and the
 * summary group them; `idOf` tells the same activity apart under two promises.
 */
export function ownActivities<A>(
  promises: readonly { promise: AgreementPromise; activities: readonly A[] }[],
  idOf: (activity: A) => string,
): OwnedActivity<A>[] {
  const servedBy = new Map<string, number[]>();
  promises.forEach((p, i) => {
    for (const a of p.activities) servedBy.set(idOf(a), [...(servedBy.get(idOf(a)) ?? []), i + 1]);
  });
  const seen = new Set<string>();
  const owned: OwnedActivity<A>[] = [];
  for (const p of promises) {
    for (const activity of p.activities) {
      const id = idOf(activity);
      if (seen.has(id)) continue;
      seen.add(id);
      const [, ...others] = servedBy.get(id) ?? [];
      owned.push({ promise: p.promise, activity, alsoServes: others });
    }
  }
  return owned;
}

/** " · hör också till löfte 2" (and "löfte 2 och 3"), for the row of an activity listed once. */
export function alsoServesText(numbers: readonly number[]): string {
  if (numbers.length === 0) return '';
  const last = numbers[numbers.length - 1];
  const list = numbers.length === 1 ? `${last}` : `${numbers.slice(0, -1).join(', ')} och ${last}`;
  return ` · hör också till löfte ${list}`;
}

/**
 * The promises one page of a long card shows, each with its rows on that page. The first page
 * shows every promise (the overview); a later page only those with rows on it, unfolded.
 * `promises` holds every promise with the activities serving it; `page` is a page of
 * `ownActivities(promises)` already made into rows.
 */
export function promiseSections<A, R>(
  promises: readonly { promise: AgreementPromise; activities: readonly A[] }[],
  idOf: (activity: A) => string,
  nameOf: (activity: A) => string,
  page: Page<{ owned: OwnedActivity<A>; row: R }>,
): PromiseSection<R>[] {
  const first = page.page === 0;
  const sections: PromiseSection<R>[] = [];
  const ownerNumber = new Map<string, number>();
  promises.forEach((p, i) => {
    for (const a of p.activities) if (!ownerNumber.has(idOf(a))) ownerNumber.set(idOf(a), i + 1);
  });
  promises.forEach((p, i) => {
    const number = i + 1;
    const rows = page.items.filter((x) => x.owned.promise === p.promise).map((x) => x.row);
    const notes = p.activities
      .filter((a) => ownerNumber.get(idOf(a)) !== number)
      .map((a) => `${nameOf(a)} hör också till det här löftet (visas under löfte ${ownerNumber.get(idOf(a)) ?? ''}).`);
    if (!first && rows.length === 0) return;
    if (first && rows.length === 0 && p.activities.some((a) => ownerNumber.get(idOf(a)) === number)) {
      notes.unshift('Aktiviteterna visas på nästa sida (Visa fler).');
    }
    const detailsId = `lofte-${number}-aktiviteter`;
    const openId = `lofte-${number}-visa`;
    sections.push({
      promise: p.promise,
      number,
      rows,
      notes: first ? notes : [],
      fold: {
        detailsId,
        openId,
        targets: [detailsId, openId],
        openTitle: `Visa aktiviteterna (${p.activities.length})`,
        closeTitle: 'Dölj aktiviteterna',
        open: !first,
        show: rows.length > 0 || (first && notes.length > 0),
      },
    });
  });
  return sections;
}

/** Lines an overview list (behind plan, done this week) shows before it counts the rest. */
const OVERVIEW_LINES = 5;

/**
 * The first `OVERVIEW_LINES` items of an overview list and, when there are more, a line that
 * counts the rest, so a long agreement's overview still fits a phone and nothing goes unmentioned.
 */
export function overviewList<T>(items: readonly T[]): { shown: T[]; rest: string } {
  const left = items.length - OVERVIEW_LINES;
  return {
    shown: items.slice(0, OVERVIEW_LINES),
    rest: left > 0 ? `… och ${left} till: alla står under Visa aktiviteterna.` : '',
  };
}
