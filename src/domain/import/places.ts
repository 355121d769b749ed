// Places named in a sentence: districts, squares, schools and stations ("på Öxnehaga, Österängen och
// Ekhagen", "i centrum", "vid Centralstationen", "Öxnehaga torg", "i skolor"), and whether the sentence
// points back at places named before ("på områdena", "i de aktuella områdena", "dessa platser").

const L = '\\p{L}';
const LOCATIVE = new RegExp(
  `(?<![${L}])(?:i|på|vid|kring|runt|runtom|utanför|omkring|längs|nära|inom|mellan|av|till)\\s+(?:(?:hela|södra|norra|östra|västra)\\s+)?`,
  'giu',
);
// Lower-case nouns that are places by themselves.
const PLACE_NOUN = new RegExp(
  `^(?:centrum|stadskärnan|innerstaden|krogmiljö(?:n|er(?:na)?)?|skol(?:or|orna|an|gård(?:ar|arna|en)?)|torg(?:et|en)?|station(?:en|er)?|resecentrum|busstation(?:en)?|park(?:en|erna)?|hamn(?:en)?|strand(?:en)?|badplats(?:en|er|erna)?|köpcent\\p{L}*|gallerian|bibliotek(?:et)?|fritidsgård(?:en|arna)?|idrottsplats(?:en)?|parkeringshus(?:et)?|gångtunnl\\p{L}*|tunnelbane\\p{L}*|pendeltågs\\p{L}*)$`,
  'iu',
);
// Endings that make a capitalised word a place wherever it stands.
const PLACE_SUFFIX = /(?:torget|skolan|stationen|parken|gatan|vägen|porten|centrum|plan|hallen|badet|gården|hamnen)$/u;
const INSTITUTION =
  /(?:styrelsen|tjänsten|lagen|nämnden|förvaltningen|kommun|kommuns|polisen|myndigheten|verket|regionen|kontoret|förening\p{L}*|rådet|gruppen)$/iu;
const GENERIC =
  /(?<![\p{L}])(?:områdena|aktuella områden\p{L}*|utpekade områden\p{L}*|dessa (?:platser|områden)|respektive område|berörda områden\p{L}*|platserna ovan)(?![\p{L}])/iu;
const NAME_PLACE_WORD =
  /^(?:torg|torget|centrum|resecentrum|station|stationen|park|parken|skola|skolan|strand|hamn|gata|bibliotek|fritidsgård|idrottsplats|bad|badplats|simhall)$/iu;
// Lower-case compounds that are places wherever they stand ("bevaka busstationen").
const PLACE_COMPOUND = /^\p{Ll}{2,}(?:stationen|torget|parken|centrumet)$/u;

export interface PlacesRead {
  places: string[];
  /** The sentence speaks of places named before (its promise's) rather than new ones. */
  generic: boolean;
}

export interface PlaceContext {
  /** Words that are never places: the kommun's and the parties' names ("Jönköping", "Vätterhem"). */
  notPlaces: readonly string[];
  /** Places already known from the same text: found wherever they stand. */
  known?: readonly string[];
}

function unquoted(text: string): string {
  return text.replace(/["”“„][^"”“„]*["”“„]/gu, ' ').replace(/\([^)]*\)/gu, ' ');
}

/** The kommun's own name, which is a place only with a place word after it ("Alsta station"). */
function isTown(word: string, ctx: PlaceContext): boolean {
  return (
    /^\p{Lu}/u.test(word) &&
    !isName(word, ctx) &&
    !INSTITUTION.test(word) &&
    ctx.notPlaces.some((n) => n.toLowerCase() === word.toLowerCase() || `${n.toLowerCase()}s` === word.toLowerCase())
  );
}

function isName(word: string, ctx: PlaceContext): boolean {
  if (!/^\p{Lu}\p{Ll}[\p{L}-]*$/u.test(word)) return false;
  if (INSTITUTION.test(word)) return false;
  const w = word.toLowerCase();
  return !ctx.notPlaces.some((n) => {
    const m = n.toLowerCase();
    return w === m || w === `${m}s` || m === `${w}s`;
  });
}

function add(list: string[], place: string): void {
  if (!list.some((p) => p.toLowerCase() === place.toLowerCase())) list.push(place);
}

/** Places after one locative preposition: a list of names, a named square ("Öxnehaga torg"), or a place noun. */
function placesAt(words: string[], ctx: PlaceContext, out: string[]): void {
  let i = 0;
  for (;;) {
    const word = (words[i] ?? '').replace(/[.,;:!?]+$/u, '');
    const raw = words[i] ?? '';
    if (
      isName(word, ctx) ||
      (isTown(word, ctx) && NAME_PLACE_WORD.test((words[i + 1] ?? '').replace(/[.,;:!?]+$/u, '')))
    ) {
      const next = (words[i + 1] ?? '').replace(/[.,;:!?]+$/u, '');
      if (!/[.,;:!?]$/u.test(raw) && NAME_PLACE_WORD.test(next)) {
        add(out, `${word} ${next}`);
        i += 2;
      } else {
        add(out, word);
        i += 1;
      }
    } else if (i === 0 && PLACE_NOUN.test(word)) {
      add(out, word);
      return;
    } else if (i === 0 && /^centrala$/iu.test(word) && /^delar/iu.test(words[1] ?? '')) {
      add(out, 'centrum');
      return;
    } else {
      return;
    }
    // "Öxnehaga, Österängen och Ekhagen": the list goes on after a comma or "och"/"samt".
    const sep = /,$/u.test(words[i - 1] ?? '');
    if (sep) continue;
    if (/^(?:och|samt|eller)$/iu.test(words[i] ?? '')) {
      i += 1;
      continue;
    }
    return;
  }
}

/**
 * Places named in one sentence, as written, in order, without repeats. Quoted names ("Trivs i JKPG")
 * and parenthesised abbreviations are not places; neither are the words in `ctx.notPlaces`.
 * "centrala delar av X" is "centrum".
 */
export function readPlaces(sentence: string, ctx: PlaceContext): PlacesRead {
  const text = unquoted(sentence);
  const out: string[] = [];
  for (const m of text.matchAll(LOCATIVE)) {
    const rest = text
      .slice((m.index ?? 0) + m[0].length)
      .split(/\s+/u)
      .slice(0, 12);
    placesAt(rest, ctx, out);
  }
  const words = text.split(/\s+/u).map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''));
  words.forEach((w, i) => {
    if (isName(w, ctx) && PLACE_SUFFIX.test(w)) add(out, w);
    if ((isName(w, ctx) || isTown(w, ctx)) && NAME_PLACE_WORD.test(words[i + 1] ?? '')) {
      add(out, `${w} ${words[i + 1] ?? ''}`);
    }
    if (PLACE_COMPOUND.test(w)) add(out, w);
  });
  for (const known of ctx.known ?? []) {
    const re = new RegExp(`(?<![\\p{L}])${known.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u');
    if (/^\p{Lu}/u.test(known) && re.test(text)) add(out, known);
  }
  // A name also inside a longer one ("Öxnehaga" and "Öxnehaga torg") is named once, the long way.
  const places = out.filter((p) => !out.some((q) => q !== p && q.startsWith(`${p} `)));
  return { places, generic: GENERIC.test(sentence) };
}
