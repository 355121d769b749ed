// The shape of a published text: which parts are agreements (one per "Medborgarlöfte <period>"
// heading), which lines are promises and which are activities, and under which promise, intro or
// sub-heading each activity stands. Styles handled: promises as bullets followed by an "Aktiviteter"
// list; activities directly under a promise (nested bullets, or a promise line followed by bullets);
// "Det ska åstadkommas genom följande aktiviteter:"; sub-headings inside the activities;
// "I arbetet med … kommer vi arbeta med följande aktiviteter:"; any bullet marker or indentation.
import { toBlocks, type Block } from './blocks.js';
import { headingParties } from './parties.js';
import { parsePeriod, type Period } from './period.js';

interface RawPromise {
  text: string;
  line: number;
}

interface RawActivity {
  text: string;
  line: number;
  /** Index of the promise it stands under; undefined in a flat list after several promises. */
  promise?: number;
  /** The intro or sub-heading over it ("Polisiärt arbete", "I arbetet med …:"). */
  group?: string;
}

export interface RawSection {
  /** The heading as written ("Medborgarlöfte 2020"), or undefined when the text has none. */
  heading?: string;
  period?: Period;
  line: number;
  promises: RawPromise[];
  activities: RawActivity[];
  /** Paragraphs inside the section that are neither promise nor activity, for the review. */
  unused: string[];
}

export interface RawText {
  /** Paragraphs before the first agreement: who signed, the kommun, the police area. */
  preamble: string[];
  sections: RawSection[];
}

const ACTIVITIES_HEADER =
  /^(?:aktiviteter\p{L}*|åtgärder\p{L}*|insatser\p{L}*|så (?:här )?(?:gör|arbetar) vi|det här gör vi|vad vi gör|vad ska göras|detta gör vi)(?:[^.]{0,50})?:?$/iu;
const PROMISES_HEADER =
  /^(?:löften|våra löften|löftena|vi lovar|löftet|medborgarlöftena?|våra medborgarlöften)\s*:?$/iu;
const PROMISE_PREFIX =
  /^(?:löfte|löftesområde|fokusområde|prioriterat område|delmål|mål)\s*(?:\d+|[a-c])?\s*[:.–—-]\s*/iu;
const FOLLOW_UP = /^uppföljning(?:ar)?\b/iu;
const ACTIVITIES_INTRO =
  /aktivitet|åtgärd|insats|åstadkomm|följande sätt|gör vi|kommer vi|ska vi|genom följande|arbeta med följande/iu;
const PROMISES_INTRO = /lovar|löfte/iu;
const PROSE =
  /tecknat|undertecknat|överens|medborgardialog|gäller från|här kan du|läs mer|lovar följande|följande medborgarlöfte/iu;

function words(text: string): number {
  return text.split(/\s+/u).length;
}

function isShortHeading(text: string): boolean {
  return words(text) <= 8 && !/[.!?]$/u.test(text) && /^[\p{Lu}\d]/u.test(text);
}

/** "Medborgarlöfte 2020", "Medborgarlöften för Ekby 2021–2022": a heading that opens an agreement. */
function agreementHeading(block: Block, next: Block | undefined): { period?: Period; merged: boolean } | undefined {
  if (block.kind !== 'text' || words(block.text) > 14 || FOLLOW_UP.test(block.text)) return undefined;
  if (!/löfte/iu.test(block.text) || /^(?:löfte|delmål)\s*\d/iu.test(block.text)) return undefined;
  const period = parsePeriod(block.text);
  if (period) return { period, merged: false };
  if (!/^medborgarlöften?\b/iu.test(block.text)) return undefined;
  // "Medborgarlöfte för Ekby" followed by "Gäller 2021-07-01 – 2022-06-30".
  if (next?.kind === 'text' && words(next.text) <= 8 && !/löfte/iu.test(next.text)) {
    const p = parsePeriod(next.text);
    if (p) return { period: p, merged: true };
  }
  return undefined;
}

class SectionReader {
  readonly section: RawSection;
  private mode: 'promises' | 'activities' = 'promises';
  /** The promise that owns the items that follow (a promise line, an intro, a parent bullet). */
  private owner: number | undefined;
  private group: string | undefined;
  private parentLevel: number | undefined;
  private pendingPromiseTitle = false;
  /** Under an "Aktiviteter" heading short lines are sub-headings; elsewhere they start a promise. */
  private underActivitiesHeader = false;

  constructor(heading: string | undefined, period: Period | undefined, line: number) {
    this.section = { heading, period, line, promises: [], activities: [], unused: [] };
  }

  private addPromise(text: string, line: number): number {
    this.section.promises.push({ text, line });
    return this.section.promises.length - 1;
  }

  private addActivity(text: string, line: number, promise: number | undefined): void {
    this.section.activities.push({
      text,
      line,
      ...(promise !== undefined ? { promise } : {}),
      ...(this.group !== undefined ? { group: this.group } : {}),
    });
  }

  text(block: Extract<Block, { kind: 'text' }>): void {
    const t = block.text;
    if (this.pendingPromiseTitle) {
      this.pendingPromiseTitle = false;
      this.owner = this.addPromise(t, block.line);
      this.group = undefined;
      return;
    }
    if (ACTIVITIES_HEADER.test(t) && words(t) <= 8) {
      this.mode = 'activities';
      this.underActivitiesHeader = true;
      this.owner = undefined;
      this.group = undefined;
      this.parentLevel = undefined;
      return;
    }
    if (PROMISES_HEADER.test(t)) {
      this.mode = 'promises';
      this.owner = undefined;
      this.group = undefined;
      return;
    }
    const prefixed = PROMISE_PREFIX.exec(t);
    if (prefixed) {
      const rest = t.slice(prefixed[0].length).trim();
      if (rest === '') this.pendingPromiseTitle = true;
      else this.owner = this.addPromise(rest, block.line);
      this.group = undefined;
      this.parentLevel = undefined;
      return;
    }
    if (/:$/u.test(t)) {
      if (
        PROMISES_INTRO.test(t) &&
        !ACTIVITIES_INTRO.test(t) &&
        this.section.promises.length === 0 &&
        headingParties(t).length === 0
      ) {
        this.mode = 'promises';
        this.owner = undefined;
        return;
      }
      this.intro(t);
      return;
    }
    if (PROSE.test(t)) {
      this.section.unused.push(t);
      return;
    }
    if (this.mode === 'activities' && this.underActivitiesHeader && isShortHeading(t)) {
      this.group = t;
      return;
    }
    if (this.mode === 'promises' || (this.owner !== undefined && !this.underActivitiesHeader)) {
      this.mode = 'promises';
      // A promise written as a line of its own, its activities below it.
      this.owner = this.addPromise(
        t.replace(/[.:]$/u, (m) => (m === ':' ? '' : m)),
        block.line,
      );
      this.group = undefined;
      this.parentLevel = undefined;
      return;
    }
    this.section.unused.push(t);
  }

  /** "Det ska åstadkommas genom följande aktiviteter:", "I arbetet med X kommer vi …:", "Polisen lovar att:". */
  private intro(t: string): void {
    this.mode = 'activities';
    this.group = t;
    this.parentLevel = undefined;
    // An intro right under a promise continues it; one that names its topic is linked by the caller.
    const longWords = t.split(/[^\p{L}]+/u).filter((w) => w.length >= 4).length;
    const pointsBack = /^(?:det|detta|löftet|målet|vi)(?![\p{L}])/iu.test(t) || longWords <= 2;
    if (!(pointsBack && this.owner !== undefined)) this.owner = undefined;
  }

  item(block: Extract<Block, { kind: 'item' }>, level: number, isParent: boolean): void {
    const t = block.text;
    if (this.pendingPromiseTitle) {
      this.pendingPromiseTitle = false;
      this.owner = this.addPromise(t, block.line);
      return;
    }
    if (isParent) {
      if (this.mode === 'activities' && isShortHeading(t)) {
        this.group = t;
        this.parentLevel = level;
        return;
      }
      this.owner = this.addPromise(t, block.line);
      this.group = undefined;
      this.parentLevel = level;
      return;
    }
    if (this.parentLevel !== undefined && level <= this.parentLevel) {
      // Back at the parents' level without children: in a nested list that is a promise on its own.
      if (this.mode === 'promises') {
        this.owner = this.addPromise(t, block.line);
        return;
      }
      this.parentLevel = undefined;
    }
    if (this.owner !== undefined) {
      this.addActivity(t, block.line, this.owner);
      return;
    }
    if (this.mode === 'promises') {
      this.addPromise(t, block.line);
      return;
    }
    this.addActivity(t, block.line, undefined);
  }
}

/**
 * Reads the structure of a published text. Paragraphs before the first agreement heading are the
 * preamble; a "Uppföljning" heading ends an agreement (what follows it until the next agreement
 * heading is skipped). A text without any agreement heading is read as one section.
 */
export function readStructure(text: string): RawText {
  const blocks = toBlocks(text);
  const mixed =
    new Set(blocks.filter((b) => b.kind === 'item').map((b) => (b.kind === 'item' ? b.marker : ''))).size > 1;
  const level = (b: Extract<Block, { kind: 'item' }>): number =>
    b.indent * 2 + (mixed && b.marker === 'number' ? 0 : 1);
  const hasHeadings = blocks.some((b, i) => agreementHeading(b, blocks[i + 1]) !== undefined);
  const out: RawText = { preamble: [], sections: [] };
  let reader: SectionReader | undefined = hasHeadings ? undefined : new SectionReader(undefined, undefined, 1);
  let skipping = false;
  // A title line such as "Sjöstad: medborgarlöfte 2023" opens nothing: its prose joins the preamble.
  const keep = (section: RawSection): void => {
    if (section.promises.length === 0 && section.activities.length === 0) out.preamble.push(...section.unused);
    else out.sections.push(section);
  };
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    const heading = agreementHeading(block, blocks[i + 1]);
    if (heading) {
      if (reader) keep(reader.section);
      reader = new SectionReader(block.text, heading.period, block.line);
      skipping = false;
      if (heading.merged) i += 1;
      continue;
    }
    if (block.kind === 'text' && FOLLOW_UP.test(block.text) && words(block.text) <= 3) {
      skipping = true;
      continue;
    }
    if (skipping) continue;
    if (!reader) {
      out.preamble.push(block.text);
      continue;
    }
    if (block.kind === 'text') {
      reader.text(block);
    } else {
      const next = blocks[i + 1];
      const isParent = next?.kind === 'item' && level(next) > level(block);
      reader.item(block, level(block), isParent);
    }
  }
  if (reader) keep(reader.section);
  return out;
}
