// The shape of a published text: which parts are agreements (one per "Medborgarlöfte <period>"
// heading), which lines are promises and which are activities, and under which promise, intro or
// sub-heading each activity stands. Styles handled: promises as bullets followed by an "Aktiviteter"
// list; activities directly under a promise (nested bullets, or a promise line followed by bullets);
// "Det ska åstadkommas genom följande aktiviteter:"; sub-headings inside the activities;
// "I arbetet med … kommer vi arbeta med följande aktiviteter:"; any bullet marker or indentation.
import { toBlocks, type Block } from './blocks.js';
import { headingParties, readParties } from './parties.js';
import { parsePeriod, type Period } from './period.js';

interface RawPromise {
  text: string;
  line: number;
  /** The intro it stands under ("Polisen lovar att:"): whose promise it is. */
  group?: string;
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
  /^(?:aktiviteter\p{L}*|åtgärder\p{L}*|insatser\p{L}*|så (?:här )?(?:gör|arbetar) vi|det här (?:gör vi|ska vi göra)|vad vi gör|vad ska göras|detta gör vi)(?:[^.]{0,50})?:?$/iu;
const PROMISES_HEADER =
  /^(?:löften|våra löften|löftena|vi lovar|löftet|medborgarlöftena?|våra medborgarlöften)\s*:?$/iu;
const PROMISE_PREFIX =
  /^(?:löfte|löftesområde|fokusområde|prioriterat område|delmål|mål)\s*(?:\d+|[a-c])?\s*[:.–—-]\s*/iu;
const FOLLOW_UP = /^uppföljning(?:ar)?\b/iu;
// An intro whose items are activities even when it says "lovar" or "löfte".
const ACTIVITIES_INTRO_STRICT =
  /aktivitet|åstadkomm|följande sätt|gör vi|kommer vi|ska vi|genom följande|arbeta med följande|genom att:$|^i arbetet/iu;
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
  // A sentence ("Medborgarlöftet utgår från en kartläggning hösten 2016.") is no heading.
  if (/\.$/u.test(block.text) && words(block.text) > 4) return undefined;
  // "Löften gällande Skäggetorp under 2018-2019:" introduces a list; it opens no agreement.
  if (/:$/u.test(block.text) && !/^medborgarlöft\p{L}*\s+\S+:$/iu.test(block.text)) return undefined;
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

interface Pending {
  text: string;
  line: number;
}

// Lists whose items are background, not promises ("Fokusområden för … 2017 är:").
const BACKGROUND_INTRO = /^(?:fokusområde|problembild|inriktning)|fokusområden\p{L}*\s+(?:för|är)/iu;
// An intro whose items are promises: "Polisen lovar att:", "… åtar sig att:", "följande medborgarlöften:",
// "Löften gällande Skäggetorp:", "… kommer prioritering att vara:".
const PROMISE_LIST_INTRO = /(?:^|\s)(?:lovar|åtar sig)(?:\s|:|$)|löfte|löften|prioriter/iu;
// "Kommun och polis skall hjälpas åt …", "Under 2019 kommer polisen och kommunen att …".
const TIME_FIRST = /^(?:under|i år|år)\b[^.]*?\s(?:ska|skall|kommer)\s+(?:polisen|kommunen|polis|kommun|vi)\b/iu;

/** A paragraph that commits a party to something: "Kommunen och polisen ska aktivt verka för …". */
function isCommitment(text: string): boolean {
  if (TIME_FIRST.test(text)) return true;
  const read = readParties(text);
  return !read.inherit && read.parties.length > 0;
}

/** A short line that can name a promise's topic ("Tryggare kvällar i Bergsjöns centrum"), not "Publicerad: 2022-03-23". */
function isTopicHeading(text: string): boolean {
  return (
    isShortHeading(text) && !/[:\d]/u.test(text) && !/^(?:sök|stäng|till toppen|externa länkar|foto)\b/iu.test(text)
  );
}

/** A page title or a line about the document, never a promise: "Laxå – medborgarlöften", "Medborgarlöfte med polisen". */
function isTitleLine(text: string): boolean {
  return isShortHeading(text) && /löfte|löften/iu.test(text);
}

/**
 * Reads one agreement's blocks. Rules (see also README, "Importera"):
 * - A title line, a heading or an intro or summary paragraph is never a promise by itself.
 * - Items under a promise-list intro ("Polisen lovar att:", "följande medborgarlöften:") or directly
 *   under the agreement heading are promises.
 * - A paragraph or heading becomes a promise only when activities follow it: the last paragraph that
 *   says "lovar", else the last that commits a party ("Kommunen och polisen ska …"), else the heading
 *   right before the activities. An intro "Ökad trygghet och synlighet genom:" with none of these
 *   before it is itself the promise.
 * - Each activity belongs to the promise it follows.
 */
class SectionReader {
  readonly section: RawSection;
  private mode: 'promises' | 'activities' | 'background' = 'promises';
  /** The promise that owns the items that follow (a promise line, an intro, a parent bullet). */
  private owner: number | undefined;
  private group: string | undefined;
  private parentLevel: number | undefined;
  private pendingPromiseTitle = false;
  /** Under an "Aktiviteter" heading short lines are sub-headings; elsewhere they start a promise. */
  private underActivitiesHeader = false;
  /** Items are promises: they follow a promise-list intro or stand right under the heading. */
  private promiseList = false;
  /** Text since the last item or intro that may turn out to be the promise of what follows. */
  private pending: Pending[] = [];

  constructor(heading: string | undefined, period: Period | undefined, line: number) {
    this.section = { heading, period, line, promises: [], activities: [], unused: [] };
  }

  private addPromise(text: string, line: number, group?: string): number {
    // A promise repeated in the text ("… följande medborgarlöften: • Skapa …") is the same promise.
    const same = this.section.promises.findIndex((p) => p.text === text);
    if (same >= 0) return same;
    this.section.promises.push({ text, line, ...(group !== undefined ? { group } : {}) });
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

  /** What was pending and did not become a promise is text the review shows as not read. */
  flush(): void {
    for (const p of this.pending) this.section.unused.push(p.text);
    this.pending = [];
  }

  /** Picks the promise of the activities that follow from the pending text; true if one was found. */
  private resolveOwner(): boolean {
    const paragraphs = this.pending.filter((p) => !isShortHeading(p.text));
    const last = this.pending.at(-1);
    const chosen =
      [...paragraphs].reverse().find((p) => /(?:^|\s)lovar(?:\s|$)/iu.test(p.text)) ??
      [...paragraphs].reverse().find((p) => isCommitment(p.text)) ??
      (last && isTopicHeading(last.text) ? last : undefined);
    this.pending = this.pending.filter((p) => p !== chosen);
    this.flush();
    if (!chosen) return false;
    this.owner = this.addPromise(chosen.text.replace(/^["”“„]/u, '').replace(/:$/u, ''), chosen.line);
    this.group = undefined;
    this.parentLevel = undefined;
    this.promiseList = false;
    return true;
  }

  text(block: Extract<Block, { kind: 'text' }>): void {
    const t = block.text;
    if (this.pendingPromiseTitle) {
      this.pendingPromiseTitle = false;
      this.owner = this.addPromise(t, block.line);
      this.group = undefined;
      return;
    }
    // "Detta gör vi genom att:" points back to the promise before it: an intro, not a header.
    const pointsBackIntro = /:$/u.test(t) && /^(?:detta|det)\s(?!här)/iu.test(t);
    if (ACTIVITIES_HEADER.test(t) && words(t) <= 8 && !pointsBackIntro) {
      this.flush();
      this.mode = 'activities';
      this.underActivitiesHeader = true;
      this.promiseList = false;
      this.owner = undefined;
      this.group = undefined;
      this.parentLevel = undefined;
      return;
    }
    if (PROMISES_HEADER.test(t)) {
      this.flush();
      this.mode = 'promises';
      this.promiseList = true;
      this.owner = undefined;
      this.group = undefined;
      return;
    }
    const prefixed = PROMISE_PREFIX.exec(t);
    if (prefixed) {
      this.flush();
      const rest = t.slice(prefixed[0].length).trim();
      if (rest === '') this.pendingPromiseTitle = true;
      else this.owner = this.addPromise(rest, block.line);
      this.group = undefined;
      this.parentLevel = undefined;
      this.promiseList = false;
      return;
    }
    if (/:$/u.test(t)) {
      this.intro(t, block.line);
      return;
    }
    if (PROSE.test(t) || isTitleLine(t)) {
      this.section.unused.push(t);
      return;
    }
    if (this.mode === 'background') this.mode = 'promises';
    if (this.mode === 'activities' && this.underActivitiesHeader && isShortHeading(t)) {
      this.flush();
      this.group = t;
      return;
    }
    this.pending.push({ text: t, line: block.line });
  }

  /**
   * An intro ending in ":". "Fokusområden … är:" opens background; "Polisen lovar att:" or "följande
   * medborgarlöften:" opens a list of promises (unless a heading right before it is the promise:
   * then its items are that promise's activities); anything else opens activities.
   */
  private intro(t: string, line: number): void {
    if (BACKGROUND_INTRO.test(t)) {
      this.flush();
      this.section.unused.push(t);
      this.mode = 'background';
      return;
    }
    const last = this.pending.at(-1);
    const headingBefore = last !== undefined && isTopicHeading(last.text);
    if (PROMISE_LIST_INTRO.test(t) && !ACTIVITIES_INTRO_STRICT.test(t) && !headingBefore) {
      const partyLed = headingParties(t).length > 0;
      if (!partyLed || this.promiseList || this.section.promises.length === 0 || this.owner === undefined) {
        this.flush();
        this.mode = 'promises';
        this.promiseList = true;
        this.underActivitiesHeader = false;
        this.owner = undefined;
        this.group = t;
        this.parentLevel = undefined;
        return;
      }
    }
    this.mode = 'activities';
    this.promiseList = false;
    const resolved = this.owner === undefined || this.pending.length > 0 ? this.resolveOwner() : false;
    this.group = t;
    this.parentLevel = undefined;
    if (resolved) return;
    // An intro right under a promise continues it; one that names its topic is linked by the caller.
    const longWords = t.split(/[^\p{L}]+/u).filter((w) => w.length >= 4).length;
    const pointsBack = /^(?:det|detta|löftet|målet|vi)(?![\p{L}])/iu.test(t) || longWords <= 2;
    if (pointsBack && this.owner !== undefined) return;
    this.owner = undefined;
    // "Ökad trygghet och synlighet genom:": the goal before "genom" is the promise.
    const goal = /^(.+?)\s+genom(?: att)?:$/iu.exec(t)?.[1];
    if (goal && !pointsBack && !/^i arbetet/iu.test(goal) && words(goal) >= 2) {
      // The intro stays the group: "Polisen i Östra Norrbotten arbetar för att … genom att:" names the party.
      this.owner = this.addPromise(goal, line);
    }
  }

  item(block: Extract<Block, { kind: 'item' }>, level: number, isParent: boolean): void {
    const t = block.text;
    if (this.pendingPromiseTitle) {
      this.pendingPromiseTitle = false;
      this.owner = this.addPromise(t, block.line);
      return;
    }
    if (this.mode === 'background') {
      this.section.unused.push(t);
      return;
    }
    if (this.promiseList) {
      this.flush();
    } else if (this.pending.length > 0) {
      if (this.mode === 'activities' && this.underActivitiesHeader) this.flush();
      else this.resolveOwner();
    }
    if (this.promiseList && !isParent) {
      this.addPromise(t, block.line, this.group);
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
      this.addPromise(t, block.line, this.group);
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
    reader?.flush();
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
