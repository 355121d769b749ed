// The application: one turn in, replies out, with no bot SDK in sight. Text is parsed into a
// typed command and routed by a table; card submits are routed by their verb.
import { render } from '../views/catalogue.js';
import { NOT_OPEN_HERE, tooLongText, turnTexts } from '../views/turnTexts.js';
import { stockholmDate } from '../domain/calendar.js';
import { parseCommand, type Command } from '../domain/command.js';
import { MAX_LOG_TEXT_LENGTH } from '../domain/logRequest.js';
import { matchActivities } from '../domain/matching.js';
import { words } from '../domain/text.js';
import { currentAgreement, exampleKeyword } from './agreements.js';
import { cardAction } from './cardActions.js';
import { areaChoiceAction, areaCommand, askForArea, resolveTurnArea, type PendingCommand } from './areaCommands.js';
import type { AppDeps, BaseTurn, Turn } from './context.js';
import { coordinatorsCommand } from './coordinatorList.js';
import { noteContact, reminderTimeCommand, remindersCommand } from './reminders.js';
import { responsibleCommand } from './responsibleCommand.js';
import { meetingCommand } from './meetingCommand.js';
import { correctionCommand } from './correctionCommand.js';
import { doneCommand, newAgreementCommand } from './coordinatorCommands.js';
import { exportCommand } from './exportCommand.js';
import { followUpCommand } from './followUpCommand.js';
import { helpCommand } from './helpCommand.js';
import { historyCommand } from './historyCommand.js';
import { clearNoteCommand } from './clearNoteCommand.js';
import { importCommand } from './importCommand.js';
import { agreementCommand } from './agreementEditCommand.js';
import { logCommand } from './logCommand.js';
import { mineCommand, undoCommand } from './myEntries.js';
import { MAX_IMPORT_LENGTH } from '../views/importCards.js';
import { messageDeleted, messageEdited, messageUndeleted } from './messageEvents.js';
import { text, type MessageEvent, type Reply, type TurnInput } from './ports.js';
import { ended, recordTexts } from '../views/logTexts.js';
import { identityNumberIn } from './recordEntry.js';
import { smallTalkReply } from './smallTalk.js';
import { statusCommand } from './statusCommand.js';
import { summaryCommand } from './summaryCommand.js';
import { subscribeCommand, subscriptionsCommand, unsubscribeCommand } from './subscriptionCommands.js';

const MAX_TEXT_LENGTH = 2000;

export interface App {
  handle(input: TurnInput): Promise<Reply[]>;
}

type Handler<K extends Command['kind']> = (
  turn: Turn,
  command: Extract<Command, { kind: K }>,
) => Reply[] | Promise<Reply[]>;
type Routes = { [K in Command['kind']]: Handler<K> };

const routes: Routes = {
  help: () => helpCommand(),
  log: (turn, c) => logCommand(turn, c.args),
  status: (turn, c) => statusCommand(turn, c.args),
  mine: (turn) => mineCommand(turn),
  undo: (turn) => undoCommand(turn),
  done: (turn, c) => doneCommand(turn, c.args),
  newAgreement: (turn, c) => newAgreementCommand(turn, c.args),
  history: (turn, c) => historyCommand(turn, c.args),
  clearNote: (turn, c) => clearNoteCommand(turn, c.args),
  import: (turn, c) => importCommand(turn, c.args),
  agreement: (turn, c) => agreementCommand(turn, c.args),
  summary: (turn, c) => summaryCommand(turn, c.args),
  followUp: (turn, c) => followUpCommand(turn, c.args),
  export: (turn, c) => exportCommand(turn, c.args),
  subscribe: (turn, c) => subscribeCommand(turn, c.args),
  unsubscribe: (turn) => unsubscribeCommand(turn),
  subscriptions: (turn) => subscriptionsCommand(turn),
  // Answered before the area is known (see createApp); here when it is.
  area: (turn, c) => areaCommand(turn, c.args),
  coordinators: (turn, c) => coordinatorsCommand(turn, c.args),
  responsible: (turn, c) => responsibleCommand(turn, c.args),
  reminderTime: (turn, c) => reminderTimeCommand(turn, c.args),
  reminders: (turn, c) => remindersCommand(turn, c.args),
  meeting: (turn, c) => meetingCommand(turn, c.args),
  smallTalk: (_turn, c) => smallTalkReply(c.topic),
  empty: async (turn) => [
    text(
      render(turnTexts, { code: 'turn.empty', example: exampleKeyword(await turn.records.agreements(), turn.today) }),
    ),
  ],
  unknown: (turn, c) => unknownCommand(turn, c),
};

async function unknownCommand(turn: Turn, command: Extract<Command, { kind: 'unknown' }>): Promise<Reply[]> {
  // "nej, i tisdags", "ändra till 3 pers": a correction of what was just logged or asked.
  const corrected = await correctionCommand(turn);
  if (corrected) return corrected;
  const typed = await startsWithActivity(turn);
  if (typed !== undefined) {
    // "fotpatrullering öxnehaga igår 2h" is a log without its command word: in a personal chat, or
    // where the bot was @mentioned, it is logged (the confirmation's Ångra makes a wrong guess cheap).
    if (implicitLogAllowed(turn)) return logCommand(turn, typed);
    return [text(render(turnTexts, { code: 'turn.implicitLog', typed }))];
  }
  const shown = command.word.length > 40 ? `${command.word.slice(0, 40)}…` : command.word;
  if (command.suggestion) {
    return [text(render(turnTexts, { code: 'turn.unknownSuggest', shown, suggestion: command.suggestion }))];
  }
  const example = exampleKeyword(await turn.records.agreements(), turn.today);
  return [text(render(turnTexts, { code: 'turn.unknown', shown, example }))];
}

/** The message's text when it starts with an activity word of the agreement running today, else undefined. */
async function startsWithActivity(turn: Turn): Promise<string | undefined> {
  const typed = (turn.input.text ?? '').trim().replace(/^\/+/u, '');
  const agreement = currentAgreement(await turn.records.agreements(), turn.today);
  return agreement && matchActivities(agreement.activities, words(typed).slice(0, 1)).candidates.length > 0
    ? typed
    : undefined;
}

/** A plain activity word logs in a personal chat, and elsewhere when the bot was @mentioned. */
function implicitLogAllowed(turn: Turn): boolean {
  return turn.input.conversation.kind === 'personal' || turn.input.mentionsBot === true;
}

/**
 * The arguments of a log when the message is one (/logga …, or an activity word where that logs),
 * else undefined: what an edited message is read as.
 */
async function logArgsOf(turn: Turn, command: Command): Promise<string | undefined> {
  if (command.kind === 'log') return command.args;
  if (command.kind !== 'unknown' || !implicitLogAllowed(turn)) return undefined;
  return startsWithActivity(turn);
}

/** Commands that only read the store: when one fails, nothing can have been stored or changed. */
const READ_ONLY_COMMANDS: ReadonlySet<Command['kind']> = new Set([
  'status',
  'summary',
  'mine',
  'history',
  'subscriptions',
]);

function dispatch<K extends Command['kind']>(
  turn: Turn,
  command: Extract<Command, { kind: K }>,
): Reply[] | Promise<Reply[]> {
  const handler = routes[command.kind] as Handler<K>;
  return handler(turn, command);
}

/**
 * An earlier message was edited, deleted or restored. Only messages that are or were logs matter:
 * anything else stays quiet (re-running /status because its message was edited helps nobody).
 * A message that produced an entry always gets an answer.
 */
async function messageEvent(base: BaseTurn, event: MessageEvent): Promise<Reply[]> {
  const resolution = await resolveTurnArea(base);
  // No area yet: no entry can have come from this conversation.
  if (resolution.kind !== 'area') return [];
  const turn: Turn = {
    ...base,
    area: resolution.area,
    records: base.deps.port.records(resolution.area.id),
  };
  turn.log.debug({ areaId: resolution.area.id, event }, 'message event');
  if (event === 'deleted') return messageDeleted(turn);
  if (event === 'undeleted') return messageUndeleted(turn);
  const raw = turn.input.text ?? '';
  const command = raw.length > MAX_LOG_TEXT_LENGTH ? undefined : parseCommand(raw);
  const args = command ? await logArgsOf(turn, command) : undefined;
  return messageEdited(turn, args, () => (args === undefined ? [] : logCommand(turn, args)));
}

export function createApp(deps: AppDeps): App {
  const handle = async (input: TurnInput): Promise<Reply[]> => {
    const base = baseTurn(deps, input);
    // Known once the text is read: a command that only reads cannot have stored anything when it fails.
    const read: { command?: Command } = {};
    try {
      return await turnReplies(base, read, handle);
    } catch (error) {
      base.log.error({ err: error }, 'turn failed');
      const readOnly = read.command !== undefined && READ_ONLY_COMMANDS.has(read.command.kind);
      return [text(render(turnTexts, { code: readOnly ? 'turn.failedReadOnly' : 'turn.failed' }))];
    }
  };
  return { handle };
}

/** The turn before its area is known: the input, the time, and a logger naming the message. */
function baseTurn(deps: AppDeps, input: TurnInput): BaseTurn {
  const now = deps.clock.now();
  const log = deps.logger.child({
    conversationId: input.conversation.id,
    // The Teams message's id; `activityId` in a turn's log lines is the agreement's activity.
    messageId: input.activityId,
    userId: input.user.aadObjectId ?? input.user.id,
  });
  return { input, now, today: stockholmDate(now), deps, log };
}

/** A turn's replies; `read.command` is set as soon as the text is parsed. */
async function turnReplies(base: BaseTurn, read: { command?: Command }, handle: App['handle']): Promise<Reply[]> {
  const { input } = base;
  if (input.event) return messageEvent(base, input.event);
  // Before anything answers: "hej" or /hjälp is often the first message of a personal chat.
  await noteContact(base);
  const value = input.value;
  const isSubmit = typeof value === 'object' && value !== null && 'verb' in value;
  if (isSubmit && value.verb === 'area.choose') {
    // The pending command runs as a turn of its own, now that the conversation has its area.
    return areaChoiceAction(base, value, (pending) => handle(pendingInput(input, pending)));
  }
  if (!isSubmit) {
    const early = await beforeArea(base, read);
    if (early) return early;
  }
  const resolution = await resolveTurnArea(base);
  if (resolution.kind === 'refused') {
    base.log.warn({ tenant: input.conversation.tenantId }, 'message from a tenant that no area allows');
    return [text(NOT_OPEN_HERE)];
  }
  if (resolution.kind === 'ask') {
    const pending: PendingCommand = {
      by: input.user.aadObjectId ?? input.user.id,
      ...(isSubmit ? { value } : { text: input.text ?? '' }),
      ...(input.activityId ? { activityId: input.activityId } : {}),
    };
    return askForArea(base, resolution.areas, pending);
  }
  const turn: Turn = { ...base, area: resolution.area, records: base.deps.port.records(resolution.area.id) };
  if (isSubmit) {
    // What kind of turn, never what was typed: the text may hold notes, places and names.
    const verb = typeof value.verb === 'string' && /^[a-z.]{1,40}$/iu.test(value.verb) ? value.verb : '?';
    base.log.debug({ areaId: resolution.area.id, verb }, 'card submit');
    return cardAction(turn, value);
  }
  return commandReplies(turn, (read.command ??= parseCommand(input.text ?? '')));
}

/**
 * A typed message's checks and the commands answered before its area is known: too long,
 * personal data (refused here, where the text enters, for every command), /hjälp, small talk and
 * /område. Undefined when the turn goes on to its area.
 */
async function beforeArea(base: BaseTurn, read: { command?: Command }): Promise<Reply[] | undefined> {
  const raw = base.input.text ?? '';
  // A pasted agreement text is longer than any command; /importera says itself when it is too long.
  // A log may carry a long pasted note: it is answered with the form and the rest (see logCommand).
  const limit = /^\s*\/?\s*import(?:era)?(?![\p{L}])/iu.test(raw) ? MAX_IMPORT_LENGTH + 1000 : MAX_LOG_TEXT_LENGTH;
  if (raw.length > limit) return [text(tooLongText(raw.length, limit))];
  // Checked for every command, before anything can echo the text back into the conversation.
  const personal = identityNumberIn(raw);
  if (personal) return [text(ended(recordTexts, personal, 'nothingStored'))];
  const command = (read.command = parseCommand(raw));
  if (command.kind === 'help') return helpCommand();
  if (command.kind === 'smallTalk') return smallTalkReply(command.topic);
  if (command.kind === 'area') return areaCommand(base, command.args);
  return undefined;
}

/** A typed command in its area, routed by the table; any but a log or an import at most MAX_TEXT_LENGTH. */
async function commandReplies(turn: Turn, command: Command): Promise<Reply[]> {
  turn.log.debug({ areaId: turn.area.id, command: command.kind }, 'command');
  const length = (turn.input.text ?? '').length;
  if (length > MAX_TEXT_LENGTH && command.kind !== 'import' && (await logArgsOf(turn, command)) === undefined) {
    return [text(tooLongText(length, MAX_TEXT_LENGTH))];
  }
  return dispatch(turn, command);
}

/** The turn the question card's pending command runs as: the first message again, by its writer. */
function pendingInput(input: TurnInput, pending: PendingCommand): TurnInput {
  const { value: _value, text: _text, activityId: _id, ...rest } = input;
  return {
    ...rest,
    ...(pending.text !== undefined ? { text: pending.text } : {}),
    ...(pending.value !== undefined ? { value: pending.value } : {}),
    ...(pending.activityId ? { activityId: pending.activityId } : {}),
  };
}
