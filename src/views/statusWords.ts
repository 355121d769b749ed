// The one vocabulary for how an activity is going: the same word, mark and colour on every card,
// in the follow-up (card, PDF, web page, CSV) and on the public page. A status is always shown as
// its word (and on cards its mark); colour only repeats what the word says (WCAG 2.1 1.4.1, Use of
// Color), so nobody needs to tell colours apart and a light theme's pale colour loses nothing.
//
// Words: plain Swedish a coordinator and a citizen both read without a key ("inte", not "ej", as
// Språkrådet's klarspråk advice says; "något efter" rather than a bare "efter").
//
// Colours:
// - Documents and the public page (white background): each text colour has a contrast ratio of at
//   least 4.5:1 against #ffffff, WCAG 2.1 success criterion 1.4.3 (Contrast, Minimum, level AA),
//   with relative luminance as WCAG 2.1 defines it; test/views/statusWords.test.ts computes them.
// - Adaptive Cards only name colours (Default, Good, Warning, Attention, Accent) and the host picks
//   the shade (Adaptive Cards host config `foregroundColors`). In Teams' light theme "Warning" text
//   is a light yellow (#c19c00 in scripts/teamsHostConfig.ts, 2.6:1 on white), so no status
//   word is drawn in Warning: "något efter" is Default text beside its 🟡 mark, and its progress
//   bar (a graphic, not text) carries the warning shade.
import type { StatusCode } from '../domain/status.js';

/** Adaptive Card TextBlock/TextRun `color` values used for a status word. */
export type CardTextColor = 'Default' | 'Good' | 'Attention';

/** Adaptive Card container styles used for a progress bar's filled part. */
export type BarStyle = 'good' | 'warning' | 'attention' | 'emphasis';

interface StatusLook {
  /** The word, lower case as it stands in a sentence: "i fas". */
  word: string;
  /** Plural for counts ("3 inte påbörjade"); the word itself where Swedish does not inflect it. */
  plural: string;
  /** Emoji shown before the word on cards and in chat text. */
  mark: string;
  card: CardTextColor;
  bar: BarStyle;
  /** Text colour on white in documents and on the public page, "#rrggbb". */
  print: string;
}

const LOOK: Readonly<Record<StatusCode, StatusLook>> = {
  done: { word: 'genomförd', plural: 'genomförda', mark: '✅', card: 'Good', bar: 'good', print: '#1b5e20' },
  onTrack: { word: 'i fas', plural: 'i fas', mark: '🟢', card: 'Good', bar: 'good', print: '#1b5e20' },
  behind: { word: 'något efter', plural: 'något efter', mark: '🟡', card: 'Default', bar: 'warning', print: '#7a4100' },
  farBehind: {
    word: 'långt efter',
    plural: 'långt efter',
    mark: '🔴',
    card: 'Attention',
    bar: 'attention',
    print: '#b71c1c',
  },
  notStarted: {
    word: 'inte påbörjad',
    plural: 'inte påbörjade',
    mark: '⚪',
    card: 'Default',
    bar: 'emphasis',
    print: '#4a4a4a',
  },
};

/** Every status, best first: the order of counts and legends. */
export const STATUS_ORDER: readonly StatusCode[] = ['done', 'onTrack', 'behind', 'farBehind', 'notStarted'];

/** "i fas", "långt efter": the status word, lower case. */
export function statusWord(status: StatusCode): string {
  return LOOK[status].word;
}

/** "🟢 i fas": the mark and the word, as cards and chat text show a status. */
export function statusLine(status: StatusCode): string {
  return `${LOOK[status].mark} ${LOOK[status].word}`;
}

export function statusMark(status: StatusCode): string {
  return LOOK[status].mark;
}

/** The named Adaptive Card colour for the status word (never Warning: see the top of this file). */
export function statusCardColor(status: StatusCode): CardTextColor {
  return LOOK[status].card;
}

/** The container style of a progress bar's filled part on a card. */
export function statusBarStyle(status: StatusCode): BarStyle {
  return LOOK[status].bar;
}

/** "#1b5e20": the status word's colour on a white page (≥ 4.5:1, WCAG 2.1 1.4.3). */
export function statusPrintColor(status: StatusCode): string {
  return LOOK[status].print;
}

/** "1 genomförd", "3 inte påbörjade", "2 i fas". */
export function statusCountText(status: StatusCode, n: number): string {
  return `${n} ${n === 1 ? LOOK[status].word : LOOK[status].plural}`;
}

/**
 * Whether a progress text already says the status, as a milestone's "inte påbörjad" or
 * "genomförd 1 juni 2020" does: then the word is not said twice ("inte påbörjad (inte påbörjad)").
 */
export function saysStatus(progress: string, status: StatusCode): boolean {
  return progress === LOOK[status].word || progress.startsWith(`${LOOK[status].word} `);
}

/** "2 av 4 tillfällen (i fas)", or "inte påbörjad" alone where the progress already says it. */
export function progressAndStatus(progress: string, status: StatusCode): string {
  return saysStatus(progress, status) ? progress : `${progress} (${LOOK[status].word})`;
}
