// Which area a conversation works in: the question card, the choice, "/område [namn]". The rules
// themselves (tenants, bindings, who may bind) are in domain/area.ts; this module asks the store
// and says what happened.
import { viaOf } from './audit.js';
import { z } from 'zod';
import {
  areasForTenant,
  findAreas,
  mayBind,
  resolveArea,
  type Area,
  type AreaResolution,
  type BindingTarget,
} from '../domain/area.js';
import { chooseAreaCard, type AreaCardData, type AreaChoiceSubmit } from '../views/areaCard.js';
import { isAdmin, personOf, userListed, type BaseTurn } from './context.js';
import { card, text, type Reply } from './ports.js';

/** Up to this many areas get a button each; more get a list to type in (the card must stay under Teams' 28 KB). */
const MAX_BUTTONS = 6;

export const NOT_OPEN = 'Den här boten är inte öppen för er organisation.';

/** The area the conversation works in, from the store's areas and bindings and the user's tenant. */
export async function resolveTurnArea(turn: BaseTurn): Promise<AreaResolution> {
  const { conversation } = turn.input;
  const { areas } = turn.deps.port;
  return resolveArea({
    areas: await areas.areas(),
    tenantId: conversation.tenantId,
    conversationBinding: await areas.binding('conversation', conversation.id),
    teamBinding:
      conversation.kind === 'channel' && conversation.teamId
        ? await areas.binding('team', conversation.teamId)
        : undefined,
  });
}

/** What the question card carries so the command first written runs after the choice. */
export interface PendingCommand {
  text?: string;
  value?: unknown;
  /** Who wrote it: only they have it run (in a channel a coordinator may answer for them). */
  by: string;
  activityId?: string;
}

const pendingSchema = z.object({
  text: z.string().max(2000).optional(),
  value: z
    .unknown()
    .refine(
      (v) => typeof v !== 'object' || v === null || (v as { verb?: unknown }).verb !== 'area.choose',
      'ett val av område kan inte vänta på ett annat',
    )
    .optional(),
  by: z.string().min(1).max(200),
  activityId: z.string().max(200).optional(),
});

const choiceSchema = z.object({
  verb: z.literal('area.choose'),
  areaId: z.string().min(1).max(100),
  pending: pendingSchema.optional(),
});

const where = (turn: BaseTurn) =>
  turn.input.conversation.kind === 'personal'
    ? 'den här chatten'
    : turn.input.conversation.kind === 'channel'
      ? 'den här kanalen'
      : 'den här gruppchatten';

/** The card "Vilket område gäller här?", listing only the areas the user's tenant may use. */
export function askForArea(turn: BaseTurn, areas: readonly Area[], pending?: PendingCommand): Reply[] {
  const group = turn.input.conversation.kind !== 'personal';
  const many = areas.length > MAX_BUTTONS;
  const pendingPart = pending ? { pending: pending as AreaChoiceSubmit['pending'] } : {};
  const data: AreaCardData = {
    intro: `Boten används av flera områden, och ${where(turn)} har inte valt sitt än. Välj det ni arbetar i${pending ? ', så gör jag sedan det du bad om' : ''}.`,
    areas: many
      ? []
      : areas.map((area) => ({
          name: area.name,
          policeArea: area.policeArea,
          buttonTitle: `Välj ${area.name}`,
          submit: { verb: 'area.choose', areaId: area.id, ...pendingPart },
        })),
    many,
    choices: many ? areas.map((a) => ({ title: a.name, value: a.id })) : [],
    pickSubmit: { verb: 'area.choose', ...pendingPart },
    footer: group
      ? 'Valet gäller alla här. Bara en samordnare i området kan göra det. Byt senare med /område «namn».'
      : 'Byt senare med /område «namn».',
  };
  const names = areas.slice(0, MAX_BUTTONS).map((a) => a.name);
  const fallback = `Vilket område gäller här? Skriv /område «namn»: ${names.join(', ')}${many ? ` och ${areas.length - names.length} till` : ''}.`;
  return [card(chooseAreaCard(data), fallback)];
}

type BindResult = { ok: true; text: string; changed: boolean } | { ok: false; text: string };

/**
 * Binds the conversation to `area` if the user may: in a personal chat the user, elsewhere a
 * coordinator of that area or an admin. A first choice in a channel binds its whole team (its
 * other channels follow it); `/område` in a channel binds that channel only.
 */
async function bindConversation(turn: BaseTurn, area: Area, scope: 'first' | 'explicit'): Promise<BindResult> {
  const { conversation } = turn.input;
  const store = turn.deps.port.areas;
  const coordinator = await userListed(turn, area.coordinators);
  const admin = !coordinator && (await isAdmin(turn));
  if (!mayBind(conversation.kind, { coordinator, admin })) {
    const who = area.coordinators.length > 0 ? area.coordinators.join(', ') : 'ingen än – be den som driftar boten';
    return {
      ok: false,
      text: `Bara en samordnare i ${area.name} kan välja område för ${where(turn)}. Samordnare: ${who}. Inget har ändrats.`,
    };
  }
  let target: BindingTarget = 'conversation';
  let id = conversation.id;
  if (
    scope === 'first' &&
    conversation.kind === 'channel' &&
    conversation.teamId &&
    !(await store.binding('team', conversation.teamId))
  ) {
    target = 'team';
    id = conversation.teamId;
  }
  const current = await store.binding(target, id);
  if (current?.areaId === area.id) return { ok: true, text: `Här gäller redan ${area.name}.`, changed: false };
  await store.bind(target, id, area.id, { by: personOf(turn), at: turn.now, via: viaOf(turn) });
  turn.log.info({ areaId: area.id, target }, 'conversation bound to an area');
  const scopeText = target === 'team' ? 'Den här kanalen och teamets andra kanaler' : capital(where(turn));
  return { ok: true, text: `✅ ${scopeText} arbetar nu i ${area.name} (${area.policeArea}).`, changed: true };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A click on the question card. The area must be one the user's tenant may use, whatever the
 * payload says; then the command first written runs, if the one who clicked wrote it.
 */
export async function areaChoiceAction(
  turn: BaseTurn,
  value: unknown,
  runPending: (pending: PendingCommand) => Promise<Reply[]>,
): Promise<Reply[]> {
  const parsed = choiceSchema.safeParse(value);
  if (!parsed.success) return [text('Kortet skickade något jag inte kan läsa. Skriv /område för att välja område.')];
  const allowed = areasForTenant(await turn.deps.port.areas.areas(), turn.input.conversation.tenantId);
  const area = allowed.find((a) => a.id === parsed.data.areaId);
  if (!area) {
    turn.log.warn({ areaId: parsed.data.areaId }, 'area choice outside the tenant');
    return allowed.length === 0
      ? [text(NOT_OPEN)]
      : [text('Det området kan du inte välja. Inget har ändrats. Skriv /område för de områden du kan välja.')];
  }
  const bound = await bindConversation(turn, area, 'first');
  if (!bound.ok) return [text(bound.text)];
  const pending = parsed.data.pending;
  if (!pending || (pending.text === undefined && pending.value === undefined)) return [text(bound.text)];
  if (pending.by !== personOf(turn).id) {
    return [text(`${bound.text} Den som skrev kommandot kan skriva det igen nu.`)];
  }
  return [text(bound.text), ...(await runPending(pending))];
}

/** "/område": shows the area; "/område <namn>" changes it, under the same rules as the card. */
export async function areaCommand(turn: BaseTurn, args: string): Promise<Reply[]> {
  const { conversation } = turn.input;
  const allowed = areasForTenant(await turn.deps.port.areas.areas(), conversation.tenantId);
  if (allowed.length === 0) return [text(NOT_OPEN)];
  const typed = args.trim();
  const others = (except?: Area) =>
    allowed
      .filter((a) => a.id !== except?.id)
      .map((a) => a.name)
      .join(', ');

  if (typed.length === 0) {
    const resolution = await resolveTurnArea(turn);
    if (resolution.kind !== 'area') return askForArea(turn, allowed);
    const { area, via } = resolution;
    const how =
      via === 'tenant'
        ? 'Er organisation använder bara det här området.'
        : via === 'team'
          ? 'Det är valt för hela teamet.'
          : `Det är valt för ${where(turn)}.`;
    const change = allowed.length > 1 ? ` Byt med /område «namn» (${others(area)}).` : '';
    return [text(`Här gäller ${area.name} (${area.policeArea}). ${how}${change}`)];
  }

  if (allowed.length === 1 && allowed[0]) {
    const only = allowed[0];
    return findAreas(allowed, typed).length === 1
      ? [text(`Här gäller ${only.name}: er organisation använder bara det området.`)]
      : [text(`Jag hittar inget område "${typed.slice(0, 60)}" för er. Här gäller ${only.name}.`)];
  }
  const found = findAreas(allowed, typed);
  if (found.length === 0)
    return [text(`Jag hittar inget område "${typed.slice(0, 60)}" som ni kan välja. Välj bland: ${others()}.`)];
  if (found.length > 1)
    return [
      text(
        `"${typed.slice(0, 60)}" passar flera områden: ${found.map((a) => `${a.name} (/område ${a.id})`).join(', ')}.`,
      ),
    ];
  const area = found[0];
  if (!area) return [];
  const bound = await bindConversation(turn, area, 'explicit');
  return [text(bound.text)];
}
