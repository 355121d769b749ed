// Chat text → a typed command. Every command word is matched whole (after folding), never as a
// substring, so "statusrapport" is not "/status" and "mina" inside a note is never a command.
// A one-letter typo of a harmless command word ("loga", "statu") is that command; commands that
// remove or change something ("ångra", "klar") are only suggested. Greetings, thanks and
// questions ("hej", "tack", "hur ligger vi till?") are small talk, answered kindly.
import { editDistance, fold, oneEditApart } from './text.js';

export type Command =
  | { kind: 'help' }
  | { kind: 'log'; args: string }
  | { kind: 'status'; args: string }
  | { kind: 'summary'; args: string }
  | { kind: 'followUp'; args: string }
  | { kind: 'export'; args: string }
  | { kind: 'mine' }
  | { kind: 'undo' }
  | { kind: 'done'; args: string }
  | { kind: 'subscribe'; args: string }
  | { kind: 'unsubscribe' }
  | { kind: 'subscriptions' }
  | { kind: 'newAgreement'; args: string }
  | { kind: 'history'; args: string }
  | { kind: 'clearNote'; args: string }
  | { kind: 'import'; args: string }
  | { kind: 'agreement'; args: string }
  | { kind: 'area'; args: string }
  | { kind: 'coordinators'; args: string }
  | { kind: 'responsible'; args: string }
  | { kind: 'reminderTime'; args: string }
  | { kind: 'reminders'; args: string }
  | { kind: 'meeting'; args: string }
  | { kind: 'smallTalk'; topic: SmallTalk }
  | { kind: 'empty' }
  | { kind: 'unknown'; word: string; suggestion?: string };

export type SmallTalk = 'greeting' | 'thanks' | 'question';

type CommandKind = Exclude<Command['kind'], 'empty' | 'unknown' | 'smallTalk'>;

// Commands a one-letter typo may run: they only show or open something.
const TYPO_SAFE: ReadonlySet<CommandKind> = new Set(['help', 'log', 'status', 'summary', 'followUp', 'mine']);
const GREETINGS = new Set(
  ['hej', 'hejsan', 'hallå', 'hallo', 'tjena', 'tjenare', 'tja', 'hey', 'hi', 'hello', 'god', 'morrn'].map(fold),
);
const THANKS = new Set(['tack', 'tackar', 'thanks', 'tusen'].map(fold));
const QUESTION_WORDS = new Set(['hur', 'vad', 'när', 'vem', 'vilka', 'vilken', 'vilket', 'varför'].map(fold));

/** "hej", "tack!", "hur ligger vi till?": small talk, or undefined. */
function smallTalkOf(text: string): SmallTalk | undefined {
  const words = fold(text)
    .replace(/[!.,?]+/gu, ' ')
    .split(' ')
    .filter((w) => w.length > 0);
  const first = words[0] ?? '';
  if (GREETINGS.has(first) && (first !== 'god' || ['morgon', 'dag', 'kvall', 'middag'].includes(words[1] ?? ''))) {
    return 'greeting';
  }
  if (THANKS.has(first) && (first !== 'tusen' || words[1] === 'tack')) return 'thanks';
  if (QUESTION_WORDS.has(first) || (text.trim().endsWith('?') && words.length > 1)) return 'question';
  return undefined;
}

/** The one harmless command a one-letter typo of a whole word (four letters or more) stands for. */
function typoOf(word: string): CommandKind | undefined {
  if (!/^\p{L}{4,40}$/u.test(word)) return undefined;
  const kinds = new Set<CommandKind>();
  for (const [kind, names] of Object.entries(COMMAND_WORDS) as [CommandKind, readonly string[]][]) {
    if (names.some((name) => oneEditApart(word, fold(name)))) kinds.add(kind);
  }
  const [only] = kinds;
  return kinds.size === 1 && only !== undefined && TYPO_SAFE.has(only) ? only : undefined;
}

/** Swedish command words as users write them; the first is the one we show. */
export const COMMAND_WORDS: Readonly<Record<CommandKind, readonly string[]>> = {
  help: ['hjälp', 'help', '?', 'kommandon'],
  log: ['logga', 'logg', 'log'],
  status: ['status'],
  summary: ['sammanfattning', 'summering'],
  followUp: ['uppföljning'],
  export: ['export', 'exportera'],
  mine: ['mina'],
  undo: ['ångra'],
  done: ['klar', 'klart'],
  subscribe: ['prenumerera'],
  unsubscribe: ['avprenumerera', 'avsluta-prenumeration'],
  subscriptions: ['prenumerationer'],
  newAgreement: ['nytt-medborgarlöfte', 'nyttmedborgarlöfte', 'nytt-löfte'],
  history: ['historik', 'historia'],
  clearNote: ['rensa-anteckning', 'rensaanteckning'],
  import: ['importera', 'import'],
  agreement: ['medborgarlöfte', 'medborgarlöftet'],
  area: ['område', 'områden'],
  coordinators: ['samordnare'],
  responsible: ['ansvarig', 'ansvariga'],
  reminderTime: ['påminnelsetid'],
  reminders: ['påminnelser', 'påminnelse'],
  meeting: ['möte', 'mötet'],
};

const lookup = new Map<string, CommandKind>();
for (const [kind, names] of Object.entries(COMMAND_WORDS) as [CommandKind, readonly string[]][]) {
  for (const name of names) lookup.set(fold(name), kind);
}

export function parseCommand(text: string): Command {
  const trimmed = text.trim().replace(/^\/+\s*/, '');
  if (trimmed.length === 0) return { kind: 'empty' };
  const match = /^(\S+)\s*([\s\S]*)$/u.exec(trimmed);
  const head = match?.[1] ?? trimmed;
  let rest = (match?.[2] ?? '').trim();
  let word = fold(head);
  // "nytt medborgarlöfte 2026 från 2020" written with a space instead of the dash.
  if ((word === 'nytt' || word === 'ny') && /^medborgarl[oö]fte\b/iu.test(rest)) {
    word = 'nytt-medborgarlofte';
    rest = rest.replace(/^\S+\s*/u, '');
  }
  const kind = lookup.get(word) ?? typoOf(word);
  if (kind === undefined) {
    const talk = smallTalkOf(trimmed);
    if (talk) return { kind: 'smallTalk', topic: talk };
    const suggestion = closestCommand(word);
    return suggestion ? { kind: 'unknown', word: head, suggestion } : { kind: 'unknown', word: head };
  }
  switch (kind) {
    case 'help':
    case 'mine':
    case 'undo':
    case 'unsubscribe':
    case 'subscriptions':
      return { kind };
    case 'log':
    case 'status':
    case 'summary':
    case 'followUp':
    case 'export':
    case 'done':
    case 'subscribe':
    case 'newAgreement':
    case 'history':
    case 'clearNote':
    case 'import':
    case 'agreement':
    case 'area':
    case 'coordinators':
    case 'responsible':
    case 'reminderTime':
    case 'reminders':
    case 'meeting':
      return { kind, args: rest };
  }
}

/** The command word closest to what was typed, if it is close enough to be a typo. */
export function closestCommand(word: string): string | undefined {
  const folded = fold(word);
  if (folded.length === 0 || folded.length > 40) return undefined;
  let best: { name: string; distance: number } | undefined;
  for (const names of Object.values(COMMAND_WORDS)) {
    const shown = names[0] ?? '';
    for (const name of names) {
      const d = editDistance(folded, fold(name));
      if (best === undefined || d < best.distance) best = { name: shown, distance: d };
    }
  }
  if (best === undefined) return undefined;
  const limit = folded.length <= 4 ? 1 : folded.length <= 8 ? 2 : 3;
  return best.distance <= limit ? best.name : undefined;
}
