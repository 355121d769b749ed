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
import { areaTexts, type AreaText } from '../views/areaTexts.js';
import { render } from '../views/catalogue.js';
import { NOT_OPEN_HERE } from '../views/turnTexts.js';
import { isAdmin, personOf, userListed, type BaseTurn } from './context.js';
import { card, text, type Reply } from './ports.js';

/** Up to this many areas get a button each; more get a list to type in (the card must stay under Teams' 28 KB). */
const MAX_BUTTONS = 6;

/** The sentence for an area outcome. */
const say = (outcome: AreaText): string => render(areaTexts, outcome);

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
      // Never shown: a payload refused here is answered with area.unreadableCard.
      'a choice of area cannot wait for another choice',
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

/** The card "Vilket område gäller här?", listing only the areas the user's tenant may use. */
export function askForArea(turn: BaseTurn, areas: readonly Area[], pending?: PendingCommand): Reply[] {
  const group = turn.input.conversation.kind !== 'personal';
  const many = areas.length > MAX_BUTTONS;
  const pendingPart = pending ? { pending: pending as AreaChoiceSubmit['pending'] } : {};
  const data: AreaCardData = {
    intro: say({ code: 'area.askIntro', kind: turn.input.conversation.kind, pending: pending !== undefined }),
    areas: many
      ? []
      : areas.map((area) => ({
          name: area.name,
          policeArea: area.policeArea,
          buttonTitle: say({ code: 'area.chooseButton', name: area.name }),
          submit: { verb: 'area.choose', areaId: area.id, ...pendingPart },
        })),
    many,
    choices: many ? areas.map((a) => ({ title: a.name, value: a.id })) : [],
    pickSubmit: { verb: 'area.choose', ...pendingPart },
    footer: say({ code: 'area.askFooter', group }),
  };
  const names = areas.slice(0, MAX_BUTTONS).map((a) => a.name);
  const fallback = say({ code: 'area.askFallback', names, more: areas.length - names.length });
  return [card(chooseAreaCard(data), fallback)];
}

type BindResult = { ok: boolean; text: string };

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
    const refusal = { area: area.name, kind: conversation.kind, coordinators: area.coordinators };
    return { ok: false, text: say({ code: 'area.notCoordinator', ...refusal }) };
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
  if (current?.areaId === area.id) return { ok: true, text: say({ code: 'area.alreadyBound', area: area.name }) };
  await store.bind(target, id, area.id, { by: personOf(turn), at: turn.now, via: viaOf(turn) });
  turn.log.info({ areaId: area.id, target }, 'conversation bound to an area');
  const bound = { team: target === 'team', kind: conversation.kind, area: area.name, policeArea: area.policeArea };
  return { ok: true, text: say({ code: 'area.bound', ...bound }) };
}

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
  if (!parsed.success) return [text(say({ code: 'area.unreadableCard' }))];
  const allowed = areasForTenant(await turn.deps.port.areas.areas(), turn.input.conversation.tenantId);
  const area = allowed.find((a) => a.id === parsed.data.areaId);
  if (!area) {
    turn.log.warn({ areaId: parsed.data.areaId }, 'area choice outside the tenant');
    return allowed.length === 0 ? [text(NOT_OPEN_HERE)] : [text(say({ code: 'area.notAllowed' }))];
  }
  const bound = await bindConversation(turn, area, 'first');
  if (!bound.ok) return [text(bound.text)];
  const pending = parsed.data.pending;
  if (!pending || (pending.text === undefined && pending.value === undefined)) return [text(bound.text)];
  if (pending.by !== personOf(turn).id) {
    return [text(`${bound.text} ${say({ code: 'area.writeAgain' })}`)];
  }
  return [text(bound.text), ...(await runPending(pending))];
}

/** "/område": shows the area; "/område <namn>" changes it, under the same rules as the card. */
export async function areaCommand(turn: BaseTurn, args: string): Promise<Reply[]> {
  const { conversation } = turn.input;
  const allowed = areasForTenant(await turn.deps.port.areas.areas(), conversation.tenantId);
  if (allowed.length === 0) return [text(NOT_OPEN_HERE)];
  const typed = args.trim();
  const others = (except?: Area) => allowed.filter((a) => a.id !== except?.id).map((a) => a.name);

  if (typed.length === 0) {
    const resolution = await resolveTurnArea(turn);
    if (resolution.kind !== 'area') return askForArea(turn, allowed);
    const { area, via } = resolution;
    const shown = { area: area.name, policeArea: area.policeArea, via, kind: conversation.kind };
    return [text(say({ code: 'area.shown', ...shown, others: allowed.length > 1 ? others(area) : [] }))];
  }

  if (allowed.length === 1 && allowed[0]) {
    const only = allowed[0];
    return findAreas(allowed, typed).length === 1
      ? [text(say({ code: 'area.onlyOne', area: only.name }))]
      : [text(say({ code: 'area.notFoundOnlyOne', typed: typed.slice(0, 60), area: only.name }))];
  }
  const found = findAreas(allowed, typed);
  if (found.length === 0) return [text(say({ code: 'area.notFound', typed: typed.slice(0, 60), others: others() }))];
  if (found.length > 1) return [text(say({ code: 'area.several', typed: typed.slice(0, 60), areas: found }))];
  const area = found[0];
  if (!area) return [];
  const bound = await bindConversation(turn, area, 'explicit');
  return [text(bound.text)];
}
