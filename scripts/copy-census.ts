/**
 * Prints how many of the Swedish sentences users read live outside the copy catalogues (issue 25: at most
 * 10 %). `npm run copy:census` prints the figure; `-- --list` also lists each sentence found outside.
 *
 * What counts, as the review that opened the issue measured it (STYLE.md, "Words in one place"): every
 * string or template literal in `src/**\/*.ts` with three or more words, at least one of them Swedish (a
 * letter å, ä or ö, or one of the common Swedish words below). A template's `${…}` parts count as one word
 * each. Type positions (`'count.tooLarge'` as a type), import paths and object keys are not text a user
 * reads, and neither is a word list the parsers split or a pattern's source. Inside means under `src/views/` or
 * `src/errors/`, where the catalogues live.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = join(import.meta.dirname, '..');
const source = join(root, 'src');
/** Where the catalogues live: the views, and the error catalogue with the operator's fixes. */
const catalogues = ['src/views/', 'src/errors/'];

/** Common Swedish function words: with three words, one of these tells Swedish from English or an identifier. */
const swedishWords = new Set(
  'och att det som en ett är inte för på med till av om har du din ditt dina vi kan ska eller den de här där när inget ingen inga nu så var vad vem hur varför men från efter före under igen redan finns gick gör görs fick får sparat sparats loggat loggats skriv välj skicka prova igen'.split(
    ' ',
  ),
);

interface Sentence {
  file: string;
  line: number;
  text: string;
}

function* typeScriptFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* typeScriptFiles(path);
    else if (entry.name.endsWith('.ts')) yield path;
  }
}

function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => ` x ${s.literal.text}`)].join('');
  return undefined;
}

function isReadText(node: ts.Node, text: string): boolean {
  const parent = node.parent;
  // A word list split into words, or a pattern's source, is vocabulary the parsers read, not a sentence.
  if (ts.isPropertyAccessExpression(parent) && parent.expression === node && parent.name.text === 'split') return false;
  if (ts.isNewExpression(parent) && ts.isIdentifier(parent.expression) && parent.expression.text === 'RegExp')
    return false;
  if (/\(\?[:<!=]|\\[sbdwp]/u.test(text)) return false;
  if (ts.isLiteralTypeNode(parent)) return false;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent))
    return false;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent)) && parent.name === node) return false;
  return true;
}

function isSwedishSentence(text: string): boolean {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length < 3) return false;
  // Eight or more words with no punctuation at all is a word list ("arbeta arbetar arbetet …"), not a sentence.
  if (words.length >= 8 && !/[.,:;!?–()"«]/u.test(text)) return false;
  return /[åäö]/i.test(text) || words.some((w) => swedishWords.has(w));
}

function sentencesIn(path: string): Sentence[] {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Sentence[] = [];
  const visit = (node: ts.Node): void => {
    const text = literalText(node);
    if (text !== undefined && isReadText(node, text) && isSwedishSentence(text)) {
      const { line } = file.getLineAndCharacterOfPosition(node.getStart());
      found.push({ file: relative(root, path), line: line + 1, text });
    }
    if (!ts.isTemplateExpression(node)) ts.forEachChild(node, visit);
    else node.templateSpans.forEach((span) => visit(span.expression));
  };
  visit(file);
  return found;
}

const all = [...typeScriptFiles(source)].flatMap(sentencesIn);
const outside = all.filter((s) => !catalogues.some((folder) => s.file.startsWith(folder)));
const share = all.length === 0 ? 0 : (100 * outside.length) / all.length;
if (process.argv.includes('--list')) {
  for (const s of outside) console.log(`${s.file}:${s.line}  ${s.text.replace(/\s+/g, ' ').slice(0, 100)}`);
}
const byFolder = new Map<string, number>();
for (const s of outside) {
  const folder = s.file.split('/').slice(0, 2).join('/');
  byFolder.set(folder, (byFolder.get(folder) ?? 0) + 1);
}
console.log(
  `Swedish sentences users read (literals of three or more words): ${all.length}; outside the catalogues (src/views, src/errors): ${outside.length} (${share.toFixed(1)} %)`,
);
for (const [folder, count] of [...byFolder].sort((a, b) => b[1] - a[1])) console.log(`  ${folder}: ${count}`);
