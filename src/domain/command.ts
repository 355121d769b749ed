// Chat text → a typed command. Every command word is matched whole (after folding), never as a
// substring, so "statusrapport" is not "/status" and "mina" inside a note is never a command.
import { editDistance, fold } from './text.js';

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
  | { kind: 'area'; args: string }
  | { kind: 'coordinators'; args: string }
  | { kind: 'empty' }
  | { kind: 'unknown'; word: string; suggestion?: string };

type CommandKind = Exclude<Command['kind'], 'empty' | 'unknown'>;

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
  area: ['område', 'områden'],
  coordinators: ['samordnare'],
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
  const kind = lookup.get(word);
  if (kind === undefined) {
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
    case 'area':
    case 'coordinators':
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
