// The target of an activity, read from its sentence (the kinds are those of agreement.ts):
// counts in digits or words ("minst fyra tillfällen", "minst 800", "två nya", "minst åtta stycken"),
// rhythms ("en gång i veckan", "varje månad", "veckovisa", "natthelger", "kontinuerligt"),
// milestones ("genomföra en enkätundersökning", "se över") and ongoing work ("fortsätta").
// A percentage ("minst 20 procent") is a condition that stays in the sentence, never a count.
import type { Target } from '../agreement.js';
import type { ImportDoubt } from './doubts.js';
import { digitNumber, swedishNumberWord } from './swedishNumbers.js';

export interface TargetRead {
  target: Target;
  /** Why the reading is unsure, for the review; undefined when the text says it plainly. */
  doubt?: ImportDoubt[];
}

// "helger" alone is the weekend-nights rhythm ("fotpatrullering under helger"), but "på kvällar och
// helger" is when an ongoing presence happens, not a rhythm to count (Halmstad 2019: "Verka för ökad
// närvaro av trygga vuxna på kvällar och helger").
const WEEKEND_NIGHTS =
  /(?<![\p{L}\p{N}])(?:natthelg\p{L}*|helgnätter\p{L}*|helgnatt\p{L}*|helgkvällar\p{L}*|varje helg|(?<!kvällar (?:och|samt) )helger(?:na)?|fredags- och lördagsnätter|fredagar och lördagar)(?![\p{L}\p{N}])/iu;
const WEEKLY =
  /(?<![\p{L}\p{N}])(?:veckovis\p{L}*|varje vecka|(?:en|1) gång (?:i|per) vecka[n]?|i veckan|per vecka|varje (?:måndag|tisdag|onsdag|torsdag|fredag)|varannan vecka)(?![\p{L}\p{N}])/iu;
const MONTHLY =
  /(?<![\p{L}\p{N}])(?:månadsvis\p{L}*|varje månad|(?:en|1|två|2) gång(?:er)? (?:i|per) månad(?:en)?|i månaden|per månad|månatlig\p{L}*|kontinuerlig\p{L}*|regelbund\p{L}*|löpande|fortlöpande|täta)(?![\p{L}\p{N}])/iu;
// Patrolling is presence work: without a stated rhythm it is due every month, like "kontinuerligt".
const PATROL = /(?<![\p{L}\p{N}])(?:\p{L}*patrullera\p{L}*|\p{L}*patrullering\p{L}*)(?![\p{L}\p{N}])/iu;
const PER_YEAR = /(?<![\p{L}\p{N}])(?:per år|om året|i året|varje år|årligen)(?![\p{L}\p{N}])/iu;
const PER_TERM = /(?<![\p{L}\p{N}])(?:per termin|varje termin|i terminen)(?![\p{L}\p{N}])/iu;

const PERCENT = /(?:\d+(?:[,.]\d+)?|\p{L}+)\s*(?:procent|%)/giu;

const COUNT_TRIGGER =
  /^(?:minst|åtminstone|totalt|sammanlagt|sammantaget|cirka|ca|drygt|över|vid|genomföra|genomför|hålla|ha|anordna|arrangera|erbjuda|starta|utbilda|nå|träffa|besöka|göra)$/iu;
const NOT_A_UNIT = /^(?:år|års|åring\p{L}*|kap|kapitlet|§|kr|kronor|procent|%|och|eller|till|kl|klockan)$/iu;
const ADJECTIVE = /^(?:nya|nytt|ny|gemensamma|gemensamt|olika|större|fler|stora|extra|riktade|särskilda|planerade)$/iu;
const OCCASION_WORDS = /^(?:gång|gånger)$/iu;

const MILESTONE =
  /(?<![\p{L}\p{N}])(?:ansöka om|stänga av|byta ut|offentliggör\p{L}*|medborgardialog(?!\p{L})|i (?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)(?!\p{L})|genomföra (?:en|ett) |göra (?:en|ett) |se över|översyn|ta fram|utreda|utredning|kartlägg\p{L}*|inventera|inventering|starta upp|starta (?:en|ett) |införa|inrätta|upprätta|bilda (?:en|ett) |enkät\p{L}*|undersökning\p{L}*|trygghetsmätning\p{L}*|handlingsplan|informera och utbilda|utbilda(?!\p{L})|installera|under en (?:arbets)?dag|bygga|förändra|anlägga|utvärdera)/iu;
const ONGOING = /(?<![\p{L}\p{N}])(?:fortsätta|fortsätter|fortsatt)(?![\p{L}\p{N}])/iu;
const ONGOING_WORK =
  /(?<![\p{L}\p{N}])(?:arbeta (?:med|för|mot|aktivt|förebyggande)|stötta|stödja|använda|verka för|främja|bidra|delta|samverka|prioritera|öka|minska|förbättra|utveckla)(?![\p{L}\p{N}])/iu;
const TIMES_PER_PERIOD = /(?<![\p{L}\p{N}])gång(?:er)? (?:i|per) (?:månad|månaden)(?![\p{L}\p{N}])/iu;

interface NumberToken {
  value: number;
  index: number;
  digits: boolean;
}

function tokens(sentence: string): string[] {
  return sentence
    .replace(/(\d)[ \u00a0](\d{3})(?![\p{L}\p{N}])/gu, '$1$2')
    .split(/[\s,;:()"”“]+/u)
    .map((t) => t.replace(/[.!?]+$/u, ''))
    .filter((t) => t.length > 0);
}

function numberAt(words: string[], i: number): NumberToken | undefined {
  const w = words[i] ?? '';
  const digits = digitNumber(w);
  if (digits !== undefined) return { value: digits, index: i, digits: true };
  const word = swedishNumberWord(w);
  if (word !== undefined) return { value: word, index: i, digits: false };
  return undefined;
}

function countIn(words: string[], years: number): { count: number; unit: string; doubt?: ImportDoubt } | undefined {
  for (let i = 0; i < words.length; i++) {
    const n = numberAt(words, i);
    if (!n || n.value < 1) continue;
    const before = (words[i - 1] ?? '').toLowerCase();
    const next = words[i + 1] ?? '';
    // Years, paragraphs (14 kap 1 §) and clock times are not targets.
    if (n.digits && n.value >= 1900 && n.value <= 2100 && !/^(?:minst|totalt)$/iu.test(before)) continue;
    if (NOT_A_UNIT.test(next) || /^(?:kap|§|kl|klockan)$/iu.test(before)) continue;
    // "i våra tre kommuner" counts what there is, not what is to be done.
    if (/^(?:våra|de|dessa|alla|sina|deras|båda)$/iu.test(before)) continue;
    const triggered = COUNT_TRIGGER.test(before) || /^(?:nya|stycken|st)$/iu.test(next);
    // "en"/"ett" is the article far more often than the number: only with "minst".
    if (n.value === 1 && !n.digits && !/^(?:minst|åtminstone)$/iu.test(before)) continue;
    if (!triggered && !(n.value >= 2 && /^\p{L}/u.test(next))) continue;
    let j = i + 1;
    while (ADJECTIVE.test(words[j] ?? '') && j + 1 < words.length) j++;
    let unit = words[j] ?? '';
    if (OCCASION_WORDS.test(unit)) {
      const rest = words.slice(j + 1, j + 4).join(' ');
      if (PER_YEAR.test(rest)) {
        const total = n.value * years;
        return {
          count: total,
          unit: 'tillfällen',
          ...(years > 1 ? { doubt: { code: 'doubt.timesPerYear', times: n.value, years } } : {}),
        };
      }
      if (PER_TERM.test(rest)) {
        return {
          count: n.value * 2 * years,
          unit: 'tillfällen',
          doubt: { code: 'doubt.timesPerTerm', times: n.value },
        };
      }
      unit = 'tillfällen';
    }
    if (unit === '' || !/^\p{L}/u.test(unit) || NOT_A_UNIT.test(unit) || /^(?:stycken|st)$/iu.test(unit)) {
      // "genomföra trygghetsvandringar, minst åtta stycken": the thing counted came before.
      const earlier = words
        .slice(0, i)
        .reverse()
        .find((w) => /^\p{Ll}{4,}(?:ar|er|or)$/u.test(w) && !/polis|kommun/iu.test(w));
      return {
        count: n.value,
        unit: earlier ?? 'tillfällen',
        ...(earlier ? {} : { doubt: { code: 'doubt.noUnit' } }),
      };
    }
    // "minst 900 timmar per år" over two years is 1 800.
    if (years > 1 && PER_YEAR.test(words.slice(j + 1, j + 4).join(' '))) {
      const doubt: ImportDoubt = { code: 'doubt.unitPerYear', count: n.value, unit, years };
      return { count: n.value * years, unit: unit.toLowerCase(), doubt };
    }
    return { count: n.value, unit: unit.toLowerCase() };
  }
  return undefined;
}

/**
 * The target of one activity sentence. `years` is how many calendar years the agreement covers
 * (for "två gånger per år"). Order: a stated rhythm, then a count, then milestone words, then
 * "fortsätta"; patrolling without a rhythm is monthly. Anything else is ongoing work, marked unsure.
 */
export function readTarget(sentence: string, years = 1): TargetRead {
  const percent = sentence.match(PERCENT);
  const text = sentence.replace(PERCENT, ' ');
  const percentDoubt: ImportDoubt | undefined = percent
    ? { code: 'doubt.condition', condition: percent[0] }
    : undefined;
  const withDoubt = (target: Target, doubt?: ImportDoubt): TargetRead => {
    const all = [doubt, percentDoubt].filter((d): d is ImportDoubt => d !== undefined);
    return all.length > 0 ? { target, doubt: all } : { target };
  };
  if (WEEKEND_NIGHTS.test(text)) return withDoubt({ kind: 'recurring', rhythm: 'weekendNights' });
  if (WEEKLY.test(text)) return withDoubt({ kind: 'recurring', rhythm: 'weekly' });
  if (TIMES_PER_PERIOD.test(text)) return withDoubt({ kind: 'recurring', rhythm: 'monthly' });
  const count = countIn(tokens(text), years);
  if (count) return withDoubt({ kind: 'count', count: count.count, unit: count.unit }, count.doubt);
  if (MONTHLY.test(text)) return withDoubt({ kind: 'recurring', rhythm: 'monthly' });
  if (ONGOING.test(text)) return withDoubt({ kind: 'ongoing' });
  // What is to be done stands before its stated aim: "… i avsikt att vid behov genomföra …" is no milestone.
  if (MILESTONE.test(text.split(/\s(?:i syfte|i avsikt)\s/u)[0] ?? text)) return withDoubt({ kind: 'milestone' });
  if (PATROL.test(text)) {
    return withDoubt({ kind: 'recurring', rhythm: 'monthly' }, { code: 'doubt.patrolMonthly' });
  }
  if (ONGOING_WORK.test(text) || percent) return withDoubt({ kind: 'ongoing' });
  return withDoubt({ kind: 'ongoing' }, { code: 'doubt.noTarget' });
}
