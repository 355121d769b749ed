// A published text as blocks: list items (with their indentation and marker) and paragraphs.
// Published texts mark list items with "•", "-", "*", "1.", "a)" or indentation alone, and wrap long
// items and sentences over several lines; this module undoes the wrapping and keeps the nesting.

type Marker = 'symbol' | 'number' | 'indent';

export type Block =
  | { kind: 'item'; text: string; indent: number; marker: Marker; line: number }
  | { kind: 'text'; text: string; line: number };

const BULLET = /^([•·▪◦●○‣⁃∙■□➢►*\-–—]|\d{1,2}[.)]|[a-zA-Z]\))[\s\u00a0]+(.*)$/u;

/** Leading white space in columns (a tab is 4). */
function indentOf(line: string): number {
  let n = 0;
  for (const ch of line) {
    if (ch === ' ' || ch === '\u00a0') n += 1;
    else if (ch === '\t') n += 4;
    else break;
  }
  return n;
}

function clean(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

function endsSentence(text: string): boolean {
  return /[.!?:]["”’)]*$/u.test(text);
}

function startsLower(text: string): boolean {
  return /^\p{Ll}/u.test(text);
}

/**
 * Splits text into blocks. An item starts at a marker, or at an indented line (2+ columns) that is
 * not the wrapped rest of the line before; a line that starts in lower case after an unfinished line
 * is that line's continuation. Blank lines end items and paragraphs. Line numbers are 1-based.
 */
export function toBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let previousBlank = true;
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = i + 1;
    const body = clean(raw);
    if (body === '') {
      previousBlank = true;
      return;
    }
    const indent = indentOf(raw);
    const last = blocks.at(-1);
    const bullet = BULLET.exec(raw.replace(/^[\s\u00a0]+/, ''));
    if (bullet) {
      const marker: Marker = /^[\d]/.test(bullet[1] ?? '') || /^[a-zA-Z]\)/.test(bullet[1] ?? '') ? 'number' : 'symbol';
      blocks.push({ kind: 'item', text: clean(bullet[2] ?? ''), indent, marker, line });
    } else if (last && !previousBlank && startsLower(body) && !endsSentence(last.text)) {
      last.text = `${last.text} ${body}`;
    } else if (last?.kind === 'item' && !previousBlank && indent > last.indent && last.marker !== 'indent') {
      // The wrapped rest of a marked item, aligned under its text.
      last.text = `${last.text} ${body}`;
    } else if (indent >= 2) {
      blocks.push({ kind: 'item', text: body, indent, marker: 'indent', line });
    } else {
      blocks.push({ kind: 'text', text: body, line });
    }
    previousBlank = false;
  });
  return blocks.filter((b) => b.text.length > 0);
}
