// Swedish numbers as published texts write them: digits ("800", "1 000") and number words
// ("fyra", "tjugofem", "tvåhundra"). Compounds are written as one word in Swedish
// (Språkrådet, "Svenska skrivregler", 2017, 11.1), so a word is split into known parts.

const UNITS: Record<string, number> = {
  noll: 0,
  en: 1,
  ett: 1,
  två: 2,
  tre: 3,
  fyra: 4,
  fem: 5,
  sex: 6,
  sju: 7,
  åtta: 8,
  nio: 9,
  tio: 10,
  elva: 11,
  tolv: 12,
  tretton: 13,
  fjorton: 14,
  femton: 15,
  sexton: 16,
  sjutton: 17,
  arton: 18,
  aderton: 18,
  nitton: 19,
};

const TENS: Record<string, number> = {
  tjugo: 20,
  trettio: 30,
  fyrtio: 40,
  femtio: 50,
  sextio: 60,
  sjuttio: 70,
  åttio: 80,
  nittio: 90,
};

function below100(word: string): number | undefined {
  if (word in UNITS) return UNITS[word];
  for (const [tens, value] of Object.entries(TENS)) {
    if (word === tens) return value;
    if (word.startsWith(tens)) {
      const rest = UNITS[word.slice(tens.length)];
      if (rest !== undefined && rest >= 1 && rest <= 9) return value + rest;
    }
  }
  return undefined;
}

function below1000(word: string): number | undefined {
  const at = word.indexOf('hundra');
  if (at < 0) return below100(word);
  const head = word.slice(0, at);
  const tail = word.slice(at + 'hundra'.length);
  const hundreds = head === '' ? 1 : below100(head);
  if (hundreds === undefined || hundreds < 1 || hundreds > 9) return undefined;
  const rest = tail === '' ? 0 : below100(tail);
  return rest === undefined ? undefined : hundreds * 100 + rest;
}

/**
 * The value of one Swedish number word, lower or upper case: "fyra" → 4, "tjugofem" → 25,
 * "tvåhundra" → 200, "tusen" → 1000. Undefined for anything else (also for digits).
 */
export function swedishNumberWord(word: string): number | undefined {
  const w = word.toLowerCase();
  if (!/^\p{L}+$/u.test(w)) return undefined;
  const at = w.indexOf('tusen');
  if (at < 0) return below1000(w);
  const head = w.slice(0, at);
  const tail = w.slice(at + 'tusen'.length);
  const thousands = head === '' || head === 'ett' ? 1 : below1000(head);
  const rest = tail === '' ? 0 : below1000(tail);
  if (thousands === undefined || rest === undefined) return undefined;
  return thousands * 1000 + rest;
}

/** Digits with an optional space or no-break space as thousands separator: "800", "1 000" → 1000. */
export function digitNumber(text: string): number | undefined {
  if (!/^\d{1,3}(?:[ \u00a0]\d{3})*$|^\d+$/.test(text)) return undefined;
  return Number(text.replace(/[ \u00a0]/g, ''));
}
