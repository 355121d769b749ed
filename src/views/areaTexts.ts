// What /område and the card "Vilket område gäller här?" say: which area a conversation works in, the
// choice, and why a choice was refused. The rules are in domain/area.ts; app/areaCommands.ts decides.
import type { ConversationKindCode } from '../domain/subscription.js';
import type { Catalogue } from './catalogue.js';

/** How the area applies here: the tenant's only area, the team's choice, or this conversation's. */
type AreaVia = 'tenant' | 'team' | 'conversation';

/** The outcomes of choosing and showing an area; `kind` is the conversation the user writes in. */
export type AreaText =
  | { code: 'area.notOpen' }
  | { code: 'area.askIntro'; kind: ConversationKindCode; pending: boolean }
  | { code: 'area.askFooter'; group: boolean }
  | { code: 'area.askFallback'; names: readonly string[]; more: number }
  | { code: 'area.chooseButton'; name: string }
  | { code: 'area.notCoordinator'; area: string; kind: ConversationKindCode; coordinators: readonly string[] }
  | { code: 'area.alreadyBound'; area: string }
  | { code: 'area.bound'; team: boolean; kind: ConversationKindCode; area: string; policeArea: string }
  | { code: 'area.unreadableCard' }
  | { code: 'area.notAllowed' }
  | { code: 'area.writeAgain' }
  | {
      code: 'area.shown';
      area: string;
      policeArea: string;
      via: AreaVia;
      kind: ConversationKindCode;
      others: readonly string[];
    }
  | { code: 'area.onlyOne'; area: string }
  | { code: 'area.notFoundOnlyOne'; typed: string; area: string }
  | { code: 'area.notFound'; typed: string; others: readonly string[] }
  | { code: 'area.several'; typed: string; areas: readonly { name: string; id: string }[] };

/** The conversation as the object of a sentence: "den här kanalen". */
function here(kind: ConversationKindCode): string {
  return kind === 'personal' ? 'den här chatten' : kind === 'channel' ? 'den här kanalen' : 'den här gruppchatten';
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function how(via: AreaVia, kind: ConversationKindCode): string {
  if (via === 'tenant') return 'Er organisation använder bara det här området.';
  return via === 'team' ? 'Det är valt för hela teamet.' : `Det är valt för ${here(kind)}.`;
}

/** The sentence for each outcome of choosing or showing an area. */
export const areaTexts: Catalogue<AreaText> = {
  'area.notOpen': () => 'Den här boten är inte öppen för er organisation.',
  'area.askIntro': ({ kind, pending }) =>
    `Boten används av flera områden, och ${here(kind)} har inte valt sitt än. Välj det ni arbetar i${pending ? ', så gör jag sedan det du bad om' : ''}.`,
  'area.askFooter': ({ group }) =>
    group
      ? 'Valet gäller alla här. Bara en samordnare i området kan göra det. Byt senare med /område «namn».'
      : 'Byt senare med /område «namn».',
  'area.askFallback': ({ names, more }) =>
    `Vilket område gäller här? Skriv /område «namn»: ${names.join(', ')}${more > 0 ? ` och ${more} till` : ''}.`,
  'area.chooseButton': ({ name }) => `Välj ${name}`,
  'area.notCoordinator': ({ area, kind, coordinators }) =>
    `Bara en samordnare i ${area} kan välja område för ${here(kind)}. Samordnare: ${coordinators.length > 0 ? coordinators.join(', ') : 'ingen än – be den som driftar boten'}. Inget har ändrats.`,
  'area.alreadyBound': ({ area }) => `Här gäller redan ${area}.`,
  'area.bound': ({ team, kind, area, policeArea }) =>
    `✅ ${team ? 'Den här kanalen och teamets andra kanaler' : capital(here(kind))} arbetar nu i ${area} (${policeArea}).`,
  'area.unreadableCard': () => 'Kortet skickade något jag inte kan läsa. Skriv /område för att välja område.',
  'area.notAllowed': () =>
    'Det området kan du inte välja. Inget har ändrats. Skriv /område för de områden du kan välja.',
  'area.writeAgain': () => 'Den som skrev kommandot kan skriva det igen nu.',
  'area.shown': ({ area, policeArea, via, kind, others }) =>
    `Här gäller ${area} (${policeArea}). ${how(via, kind)}${others.length > 0 ? ` Byt med /område «namn» (${others.join(', ')}).` : ''}`,
  'area.onlyOne': ({ area }) => `Här gäller ${area}: er organisation använder bara det området.`,
  'area.notFoundOnlyOne': ({ typed, area }) => `Jag hittar inget område "${typed}" för er. Här gäller ${area}.`,
  'area.notFound': ({ typed, others }) =>
    `Jag hittar inget område "${typed}" som ni kan välja. Välj bland: ${others.join(', ')}.`,
  'area.several': ({ typed, areas }) =>
    `"${typed}" passar flera områden: ${areas.map((a) => `${a.name} (/område ${a.id})`).join(', ')}.`,
};
