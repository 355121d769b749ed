// The PDF uses the standard Helvetica fonts, whose WinAnsi encoding covers Swedish (å, ä, ö, é)
// and typographic quotes and dashes but nothing beyond. Anything else a note may hold (emoji,
// arrows, other scripts) is replaced here, or it would print as garbage.

/** Characters above Latin-1 that WinAnsi (Windows-1252) has. */
const WIN_ANSI_EXTRA = new Set([
  0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014, 0x2018, 0x2019,
  0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

const NEAREST: Readonly<Record<string, string>> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2212': '-',
  '\u2015': '—',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2032': "'",
  '\u2033': '"',
  '\u02bc': '’',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u2007': ' ',
};

function encodable(code: number): boolean {
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(code);
}

/** The text with only characters the standard PDF fonts can print; line breaks are kept. */
export function toWinAnsi(text: string): string {
  let out = '';
  let dropped = false;
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0) ?? 0;
    // "bra 👍 möte" reads "bra möte", not "bra  möte".
    if (ch === ' ' && dropped && (out.endsWith(' ') || out === '')) continue;
    dropped = false;
    if (ch === '\n' || encodable(code)) out += ch;
    else if (NEAREST[ch] !== undefined) out += NEAREST[ch];
    else if (ch === '\t' || ch === '\r') out += ' ';
    // Emoji, their joiners and variation selectors carry no words: left out.
    else if (
      /^(?:[\p{Extended_Pictographic}\p{Emoji_Component}]|\u200d|\ufe0f|\ufe0e)$/u.test(ch) &&
      !/[0-9#*]/u.test(ch)
    )
      dropped = true;
    else {
      // A letter with an accent WinAnsi lacks (ő, ł is not decomposable) keeps its base letter.
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += base.length > 0 && [...base].every((c) => encodable(c.codePointAt(0) ?? 0)) ? base : '?';
    }
  }
  return out;
}
