// A published medborgarlöfte text → agreement drafts in the schema of data/agreements/*.json, each
// field the importer is unsure of marked with the reason, for a coordinator to review before use.
import { agreementSchema, type Activity, type Agreement, type AgreementPromise, type IsoDate } from '../agreement.js';
import type { ImportDoubt } from './doubts.js';
import { schemaIssueOf, type SchemaIssue } from '../schemaIssue.js';
import { keywordsFor } from './keywords.js';
import { closestPromise, contentStems, linkPromises } from './links.js';
import { MUNICIPALITY, POLICE, headingParties, readParties } from './parties.js';
import { periodLabel, periodTitle, statedPeriod, yearsCovered, type Period } from './period.js';
import { readPlaces, type PlaceContext } from './places.js';
import { shortName, slugOf, uniqueId } from './names.js';
import { readStructure, type RawSection } from './structure.js';
import { readTarget } from './targets.js';

/** The fields of an activity the review can mark as unsure. */
type ActivityField = 'parties' | 'target' | 'places' | 'promiseIds';

/** Reasons keyed by field; a field without a reason was read plainly from the text. */
type Doubts<F extends string> = Partial<Record<F, ImportDoubt[]>>;

export interface AgreementDraft {
  agreement: Agreement;
  /** Agreement-level doubts: the period, the kommun, the police area, the promises. */
  doubts: Doubts<'period' | 'municipality' | 'policeArea' | 'promises'>;
  /** Per activity id. */
  activityDoubts: Record<string, Doubts<ActivityField>>;
  /** Paragraphs of the section that were neither promise nor activity. */
  unused: string[];
  /**
   * True when the text names no period: `agreement.period` is then only a placeholder, and the
   * coordinator must choose the period before the draft can be saved.
   */
  periodMissing: boolean;
}

export interface ImportOptions {
  /** The Area the drafts belong to (a slug); default: made from the kommun's name. */
  area?: string;
  /**
   * The area's lokalpolisområde from its settings ("Lokalpolisområde Hallsberg"): used as it is,
   * whatever the text says. Without it the text's own words are read, and marked as a guess.
   */
  policeArea?: string;
  /** The area's kommun from its settings: used when the text names none. */
  municipality?: string;
  /** Today in Europe/Stockholm: the period of a text that names none. */
  today: IsoDate;
}

/** Why a section of the text could not become a draft; `heading` is the section's, if it has one. */
export type ImportProblem =
  | { code: 'import.noActivities'; heading: string | undefined }
  | { code: 'import.invalidDraft'; heading: string | undefined; issues: SchemaIssue[] };

export interface ImportResult {
  drafts: AgreementDraft[];
  /** Sections that could not become an agreement, and why. */
  problems: ImportProblem[];
}

const MUNICIPALITY_NAME = /(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)\s+kommun(?![\p{L}])/u;
const POLICE_AREA =
  /[Ll]okalpolisområde(?:t)?\s+((?:(?:södra|norra|östra|västra|mellersta|centrala)\s+)?\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)/u;

function firstMatch(texts: readonly string[], re: RegExp): RegExpExecArray | undefined {
  for (const t of texts) {
    const m = re.exec(t);
    if (m) return m;
  }
  return undefined;
}

function sectionTexts(s: RawSection): string[] {
  return [
    ...(s.heading ? [s.heading] : []),
    ...s.promises.flatMap((p) => [p.text, p.group ?? '']),
    ...s.activities.flatMap((a) => [a.text, a.group ?? '']),
  ];
}

/**
 * The rule for a bullet that is both promise and activity: when a section has promises but no
 * activities at all (the bullets under "Medborgarlöfte 2024", or under "Polisen lovar att:"), every
 * promise is also its own activity, linked to it, so the public page shows the promises as written
 * and each one can be logged. Returns true when it applied.
 */
function promisesAreActivities(section: RawSection): boolean {
  if (section.activities.length > 0 || section.promises.length === 0) return false;
  section.activities = section.promises.map((p, i) => ({
    text: p.text,
    line: p.line,
    promise: i,
    ...(p.group !== undefined ? { group: p.group } : {}),
  }));
  return true;
}

interface Meta {
  municipality: string;
  town: string;
  policeArea: string;
  area: string;
  doubts: AgreementDraft['doubts'];
}

function readMeta(preamble: readonly string[], section: RawSection, options: ImportOptions): Meta {
  const texts = [...preamble, ...section.unused, ...sectionTexts(section)];
  const doubts: AgreementDraft['doubts'] = {};
  const m = firstMatch(texts, MUNICIPALITY_NAME);
  const municipality = m ? `${m[1]} kommun` : (options.municipality ?? 'Kommunen');
  if (!m && options.municipality === undefined) doubts.municipality = [{ code: 'doubt.noMunicipality' }];
  const town = m ? (m[1] ?? '').replace(/s$/u, '') : '';
  // The area's settings know its police area; a text may name it otherwise, or not at all.
  const pa = options.policeArea === undefined ? firstMatch(texts, POLICE_AREA) : undefined;
  const policeArea =
    options.policeArea ?? (pa ? `Lokalpolisområde ${pa[1]}` : town ? `Lokalpolisområde ${town}` : 'Lokalpolisområdet');
  if (options.policeArea === undefined && !pa) doubts.policeArea = [{ code: 'doubt.noPoliceArea' }];
  const area = options.area ?? (town ? slugOf(town, 3) : 'omrade');
  return { municipality, town, policeArea, area, doubts };
}

function periodOf(
  section: RawSection,
  texts: readonly string[],
  today: IsoDate,
): { period: Period; doubt?: ImportDoubt[]; missing: boolean } {
  if (section.period) return { period: section.period, missing: false };
  const stated = statedPeriod(texts);
  if (stated) return { period: stated, missing: false };
  // A placeholder the schema accepts; the draft cannot be saved before the coordinator chooses.
  const y = today.slice(0, 4);
  return {
    period: { start: `${y}-01-01`, end: `${y}-12-31`, source: y },
    doubt: [{ code: 'doubt.noPeriod' }],
    missing: true,
  };
}

function placeContext(meta: Meta, parties: readonly string[]): PlaceContext {
  return {
    notPlaces: [meta.town, meta.municipality, ...parties, POLICE, MUNICIPALITY, 'Sverige', 'Socialtjänsten'].filter(
      (w) => w.length > 0,
    ),
  };
}

/** What every activity of a section is read against: its promises, links, parties and places. */
interface SectionContext {
  meta: Meta;
  section: RawSection;
  promises: AgreementPromise[];
  promiseTexts: string[];
  links: ReturnType<typeof linkPromises>;
  reads: ReturnType<typeof readParties>[];
  promisePlaces: string[][];
  places: PlaceContext;
  years: number;
  activityIds: Set<string>;
}

/** The section's promises with ids; a section without any gets one named as its title. */
function sectionPromises(section: RawSection, title: string, doubts: AgreementDraft['doubts']): AgreementPromise[] {
  if (section.promises.length === 0) {
    section.promises.push({ text: title, line: section.line });
    doubts.promises = [{ code: 'doubt.noPromises' }];
  }
  const promiseIds = new Set<string>();
  return section.promises.map((p) => ({
    id: uniqueId(slugOf([...contentWords(p.text)].join(' ') || p.text, 3), promiseIds),
    text: p.text,
  }));
}

/**
 * Which promises each activity serves. Intros that name their topic ("I arbetet med
 * trygghetsskapande åtgärder …:") link to that promise. An activity is compared by what it does, not
 * by who does it ("Ekby kommun lovar att …").
 */
function sectionLinks(section: RawSection, promiseTexts: string[], dual: boolean): ReturnType<typeof linkPromises> {
  const linkInput = section.activities.map((raw) => {
    const a = { ...raw, text: readParties(raw.text).rest };
    // Sub-headings ("Effektiv samordning för trygghet") are topics, not promises: only intros link.
    if (dual) return { text: a.text, promise: a.promise, own: true };
    if (a.promise !== undefined || a.group === undefined || !a.group.endsWith(':')) {
      return { text: a.text, promise: a.promise };
    }
    const p = closestPromise(a.group, promiseTexts);
    return p === undefined ? { text: a.text } : { text: a.text, promise: p };
  });
  return linkPromises(promiseTexts, linkInput);
}

/** The places each promise names, and the context every activity's places are read in. */
function sectionPlaces(
  section: RawSection,
  meta: Meta,
  reads: readonly ReturnType<typeof readParties>[],
  promiseTexts: readonly string[],
): { promisePlaces: string[][]; places: PlaceContext } {
  const thirdParties = new Set<string>();
  for (const r of reads) for (const p of r.parties) if (p !== POLICE && p !== MUNICIPALITY) thirdParties.add(p);
  const baseCtx = placeContext(meta, [...thirdParties]);
  const promisePlaces = promiseTexts.map((t) => readPlaces(t, baseCtx).places);
  const known = new Set<string>([...promisePlaces.flat()]);
  for (const a of section.activities) {
    for (const p of readPlaces(a.text, baseCtx).places) known.add(p);
    for (const p of readPlaces(a.group ?? '', baseCtx).places) known.add(p);
  }
  return { promisePlaces, places: { ...baseCtx, known: [...known] } };
}

type RawActivity = RawSection['activities'][number];

/** Who does the activity: as its text says, or inherited from its group, its promise or the agreement. */
function activityParties(
  raw: RawActivity,
  read: ReturnType<typeof readParties>,
  promiseText: string,
  d: Doubts<ActivityField>,
): string[] {
  if (!read.inherit) return read.parties;
  const fromGroup = raw.group ? headingParties(raw.group) : [];
  const promiseRead = readParties(promiseText);
  // "Hög polisiär närvaro …", "… ska den polisiära övervakningen öka": police work, though no subject says so.
  const policeWork = /^(?:\S+\s+){0,3}polisiär\p{L}*|\s(?:ska|skall) den polisiära\s/iu.test(raw.text);
  if (read.unknownSubject) d.parties = [{ code: 'doubt.unknownParty', subject: read.unknownSubject }];
  if (policeWork) return [POLICE];
  if (fromGroup.length > 0) return fromGroup;
  return !promiseRead.inherit ? promiseRead.parties : [POLICE, MUNICIPALITY];
}

/** Where the activity happens: its own places, narrowed or widened by those of its promise and group. */
function activityPlaces(
  raw: RawActivity,
  promisePlaces: readonly string[],
  ctx: PlaceContext,
  d: Doubts<ActivityField>,
): string[] {
  const read0 = readPlaces(raw.text, ctx);
  const context = [...new Set([...promisePlaces, ...(raw.group ? readPlaces(raw.group, ctx).places : [])])];
  // "i centrum" under "Bergsjöns centrum" is that centrum.
  const own = {
    generic: read0.generic,
    places: [
      ...new Set(read0.places.map((p) => context.find((c) => c.toLowerCase().endsWith(` ${p.toLowerCase()}`)) ?? p)),
    ],
  };
  const narrows = own.places.some((p) => context.some((c) => p.toLowerCase().startsWith(c.toLowerCase())));
  if (own.generic) {
    if (context.length === 0) d.places = [{ code: 'doubt.noPlaces' }];
    return [...new Set([...context, ...own.places])];
  }
  if (narrows) return own.places;
  return [...new Set([...own.places, ...context])];
}

/** Activity `n` of the section, and the doubts about it (empty when none). */
function draftActivity(
  raw: RawActivity,
  n: number,
  c: SectionContext,
): { activity: Activity; doubts: Doubts<ActivityField> } {
  const link = c.links[n] ?? { promises: [0], primary: 0 };
  const read = c.reads[n] ?? readParties(raw.text);
  const d: Doubts<ActivityField> = {};
  const parties = activityParties(raw, read, c.promiseTexts[link.primary] ?? '', d);
  const target = readTarget(raw.text, c.years);
  if (target.doubt) d.target = target.doubt;
  const places = activityPlaces(raw, c.promisePlaces[link.primary] ?? [], c.places, d);
  if (link.doubt) d.promiseIds = [link.doubt];
  const abbreviation = /\(([A-ZÅÄÖ]{2,6})\)/u.exec(raw.text.split(/\s(?:ska|skall|kommer|lovar)\s/u)[0] ?? '')?.[1];
  const name = shortName(read.rest, abbreviation);
  const id = uniqueId(slugOf(abbreviation ?? name, 4), c.activityIds);
  const exclude = [c.meta.town, ...parties, 'polisen', 'kommunen'];
  const activity = {
    id,
    name,
    text: raw.text,
    promiseIds: link.promises.map((i) => c.promises[i]?.id ?? c.promises[0]?.id ?? 'x'),
    parties,
    places,
    keywords: keywordsFor({ text: raw.text, name, exclude }),
    target: target.target,
  };
  return { activity, doubts: d };
}

/** The section's activities, and the doubts per activity id. */
function draftActivities(c: SectionContext): {
  activities: Activity[];
  activityDoubts: Record<string, Doubts<ActivityField>>;
} {
  const activityDoubts: Record<string, Doubts<ActivityField>> = {};
  const activities = c.section.activities.map((raw, n) => {
    const { activity, doubts } = draftActivity(raw, n, c);
    if (Object.keys(doubts).length > 0) activityDoubts[activity.id] = doubts;
    return activity;
  });
  return { activities, activityDoubts };
}

function draftSection(
  preamble: readonly string[],
  section: RawSection,
  options: ImportOptions,
  takenIds: Set<string>,
): AgreementDraft | ImportProblem {
  const heading = section.heading;
  const dual = promisesAreActivities(section);
  if (section.activities.length === 0) return { code: 'import.noActivities', heading };
  const meta = readMeta(preamble, section, options);
  const {
    period,
    doubt: periodDoubt,
    missing: periodMissing,
  } = periodOf(section, [...section.unused, ...sectionTexts(section), ...preamble], options.today);
  const doubts = { ...meta.doubts, ...(periodDoubt ? { period: periodDoubt } : {}) };
  // Without a period the title names none: the placeholder year is no year of the text.
  const title = section.heading ?? (periodMissing ? 'Medborgarlöfte' : `Medborgarlöfte ${periodTitle(period)}`);
  const promises = sectionPromises(section, title, doubts);
  const promiseTexts = section.promises.map((p) => p.text);
  const reads = section.activities.map((a) => readParties(a.text));
  const { activities, activityDoubts } = draftActivities({
    meta,
    section,
    promises,
    promiseTexts,
    links: sectionLinks(section, promiseTexts, dual),
    reads,
    ...sectionPlaces(section, meta, reads, promiseTexts),
    years: yearsCovered(period),
    activityIds: new Set<string>(),
  });
  const agreement = {
    id: uniqueId(`${meta.area}-${periodLabel(period)}`, takenIds),
    area: meta.area,
    title,
    municipality: meta.municipality,
    policeArea: meta.policeArea,
    parties: [POLICE, meta.municipality],
    period: { start: period.start, end: period.end },
    promises,
    activities,
  };
  if (dual) doubts.promises = [{ code: 'doubt.promisesAreActivities' }];
  const checked = agreementSchema.safeParse(agreement);
  if (!checked.success) {
    return {
      code: 'import.invalidDraft',
      heading,
      issues: checked.error.issues.map(schemaIssueOf),
    };
  }
  return { agreement: checked.data, doubts, activityDoubts, unused: section.unused, periodMissing };
}

function contentWords(text: string): string[] {
  const stems = contentStems(text);
  return text
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length >= 4 && stems.size > 0 && !/^(?:arbeta|aktivt|skapa)$/iu.test(w));
}

/**
 * Reads a published text into agreement drafts, one per agreement heading ("Medborgarlöfte 2020",
 * "Medborgarlöfte 2018-2019"), in the order written. Every draft is valid against agreementSchema;
 * a section that cannot become one is reported in `problems` instead. Pure: no I/O, `today` given.
 */
export function importAgreements(text: string, options: ImportOptions): ImportResult {
  const structure = readStructure(text);
  const drafts: AgreementDraft[] = [];
  const problems: ImportProblem[] = [];
  const taken = new Set<string>();
  for (const section of structure.sections) {
    const out = draftSection(structure.preamble, section, options, taken);
    if ('code' in out) problems.push(out);
    else drafts.push(out);
  }
  return { drafts, problems };
}
