// The words people will type after /logga for an activity. The activity matcher (matching.ts) takes
// a typed word as the same word when it shares a long prefix with a keyword, so each keyword is kept
// as written and as its stem: "krogtillsyner" → also "krogtillsyn", "torsdagsmöten" → "torsdagsmöt",
// which then match singular, plural and definite forms alike. Stems come from the Snowball Swedish
// stemmer (@orama/stemmers) and stop words from the stopword package's Swedish list, not from
// hand-written suffix rules. Keywords are the activity's nouns: its leading verbs are left out.
import { stemmer } from '@orama/stemmers/swedish';
import { swe } from 'stopword';

const STOP = new Set(swe);
// Words every activity text uses: they tell activities apart poorly, so they are not keywords.
const GENERIC = new Set(
  (
    'arbeta arbetar arbetet arbete genomföra genomför fortsätta fortsätter förebyggande syfte syftet åtgärder ' +
    'förutsättningar möjligheterna möjligheter tillsammans polisen polis kommunen kommun kommunens polisens ' +
    'boende medborgarna invånare kommuninvånare eventuella vidare aktuella områdena områden område platser ' +
    'trygghetsskapande trygga tryggare trygghet otrygga identifiera gemensamma gemensamt skapa delen därefter ' +
    'själva bygger innehåller kallade yrkesverksamma kontakt rutiner enligt ungdomar barn frågor rörande minst ' +
    'tillfällen stycken gånger gång varje veckan månaden kontinuerligt regelbundet löpande veckovisa ' +
    'använda sina sitt stötta hjälpa kommer lovar öka minska förbättra utveckla aktivt aktiva bland annat ' +
    'ska skall även också genom samt nya olika andra året under personal ungefär cirka procent främst ' +
    'träffas påbörjat påbörja beakta upplevs driver starta informera förändra låta redovisa koordinera ' +
    'tidigt upptäcka tecken väg kriminalitet resurser program programmet eventuellt syfte appen'
  ).split(' '),
);

// Verbs say what is done, not to what: "prioritera, medverka, verka" are no words anyone logs by.
const VERBS = new Set(
  (
    'prioritera prioriteras medverka medverkar verka verkar bistå bidra delta samverka samverkar stötta inkludera ' +
    'intensifiera fokusera bevaka värdera följa ansöka stänga byta komplettera aktivera belysa erbjuda förlägga ' +
    'initiera tillhandahålla offentliggöra offentliggör låta styra närvara motverka satsas genomföras bedriver ' +
    'bedriva uppkommer förekomma vistas säljer sälja hjälpas genomför fortsätter utvecklar arbetar identifieras ' +
    'vidta åtgärda åtgärdas analysera kartlägga fördjupa inhämta rikta riktas tidigt'
  ).split(' '),
);

/** The word as people log it: a verb gives nothing, an "-era" verb its "-ering" noun ("fotpatrullera" → "fotpatrullering"). */
function asNoun(word: string): string | undefined {
  if (VERBS.has(word)) return undefined;
  if (word.length >= 9 && word.endsWith('era')) return `${word.slice(0, -1)}ing`;
  return word;
}

function stem(word: string): string {
  return stemmer(word);
}

export interface KeywordInput {
  /** The activity sentence, verbatim. */
  text: string;
  /** The short name: its words come first. */
  name: string;
  /** Words that are never keywords (party names, numbers). */
  exclude?: readonly string[];
}

/**
 * Keywords for one activity, lower case, most telling first: abbreviations ("ssg") and the words
 * of its name, then the longest other words; each with its stem when that differs. At most `limit`
 * distinct stems (each stem gives one or two keywords). Never empty for a text with any word.
 */
export function keywordsFor(input: KeywordInput, limit = 5): string[] {
  const exclude = new Set((input.exclude ?? []).flatMap((w) => [w.toLowerCase(), `${w.toLowerCase()}s`]));
  const abbreviations = [...input.text.matchAll(/(?<![\p{L}])([A-ZÅÄÖ]{2,6})(?![\p{L}])/gu)].map((m) => m[1] ?? '');
  const split = (t: string): string[] =>
    t
      .replace(/["”“„()]/gu, ' ')
      .split(/[\s,.;:!?/]+/u)
      .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}-]+$/gu, '').toLowerCase())
      .filter((w) => w.length >= 4 && /^\p{L}[\p{L}-]*$/u.test(w));
  const ok = (w: string): boolean => !STOP.has(w) && !GENERIC.has(w) && !exclude.has(w) && !w.endsWith('-');
  const nouns = (words: string[]): string[] => words.map(asNoun).filter((w): w is string => w !== undefined && ok(w));
  const nameWords = nouns(split(input.name));
  const others = nouns(split(input.text)).sort((a, b) => b.length - a.length);
  const ordered = [...abbreviations.map((a) => a.toLowerCase()), ...nameWords, ...others];
  const out: string[] = [];
  const stems = new Set<string>();
  for (const word of ordered) {
    const s = stem(word);
    if (stems.has(s)) {
      if (!out.includes(word)) out.push(word);
      continue;
    }
    if (stems.size >= limit) continue;
    stems.add(s);
    out.push(word);
    if (s !== word && s.length >= 4) out.push(s);
  }
  if (out.length === 0) {
    const any = split(input.name)[0] ?? split(input.text)[0] ?? input.name.toLowerCase();
    out.push(any);
  }
  return [...new Set(out)];
}
