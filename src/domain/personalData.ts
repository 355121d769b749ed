// A note must never hold a citizen's personal identity number. This finds Swedish
// personnummer and samordningsnummer in free text so the command can be refused before anything
// is stored.
//
// Detected forms (D = digit), not embedded in a longer run of digits:
//   YYMMDD-XXXX  YYMMDD+XXXX  YYMMDD XXXX  YYMMDDXXXX          (10 digits)
//   YYYYMMDD-XXXX  YYYYMMDD+XXXX  YYYYMMDD XXXX  YYYYMMDDXXXX  (12 digits, century 18, 19 or 20)
// The separator may also be a typographic dash (– — ‑ −) or a no-break space, as phones write them,
// and a dash may have a space either side ("811218 - 9876").
// A number counts when its month is 01–12, its day is 01–31 (personnummer) or 61–91
// (samordningsnummer: day + 60), and its last digit is the Luhn check digit of the 10-digit form.
// The day is not checked against the month: better one false alarm than one stored number.

export interface PersonalIdentityNumberMatch {
  kind: 'personnummer' | 'samordningsnummer';
  match: string;
}

const DASH = '[-+\\u2010\\u2011\\u2012\\u2013\\u2014\\u2212]';
const SPACE = '[ \\u00a0]';
// One dash or plus (optionally with a space either side), or one space.
const SEPARATOR = `(?:${SPACE}?${DASH}${SPACE}?|${SPACE})`;
// Sticky: tried at each start of a run of digits; the 12-digit form first.
const LONG_FORM = new RegExp(`(18|19|20)(\\d{6})${SEPARATOR}?(\\d{4})(?!\\d)`, 'y');
const SHORT_FORM = new RegExp(`(\\d{6})${SEPARATOR}?(\\d{4})(?!\\d)`, 'y');

/** The Luhn check digit for the digits (weights 2, 1, 2, … from the left, as in personnummer). */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const product = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

/** The kind of a 10-digit YYMMDDXXXX, or undefined when it is not a valid number. */
function kindOf(tenDigits: string): PersonalIdentityNumberMatch['kind'] | undefined {
  const month = Number(tenDigits.slice(2, 4));
  const day = Number(tenDigits.slice(4, 6));
  if (month < 1 || month > 12) return undefined;
  if (luhnCheckDigit(tenDigits.slice(0, 9)) !== Number(tenDigits[9])) return undefined;
  if (day >= 1 && day <= 31) return 'personnummer';
  if (day >= 61 && day <= 91) return 'samordningsnummer';
  return undefined;
}

/** The first personnummer or samordningsnummer in the text, as written there. */
export function findPersonalIdentityNumber(text: string): PersonalIdentityNumberMatch | undefined {
  if (typeof text !== 'string') return undefined;
  for (let i = 0; i < text.length; i++) {
    if (!isDigit(text, i) || isDigit(text, i - 1)) continue;
    for (const form of [LONG_FORM, SHORT_FORM]) {
      form.lastIndex = i;
      const m = form.exec(text);
      if (!m) continue;
      const ten = form === LONG_FORM ? `${m[2] ?? ''}${m[3] ?? ''}` : `${m[1] ?? ''}${m[2] ?? ''}`;
      const kind = kindOf(ten);
      if (kind) return { kind, match: m[0] };
    }
  }
  return undefined;
}

function isDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}
