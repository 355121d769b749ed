// "Vilket område gäller här?": one button per area the user's tenant may use.
import { expandCard, type AdaptiveCard } from './cards.js';

/** What a button sends back (routed by verb in app/areaCommands.ts): the area, and the command to run after. */
export interface AreaChoiceSubmit {
  verb: 'area.choose';
  areaId: string;
  /** The command the user first wrote, run once the area is chosen. */
  pending?: { text: string } | { value: unknown };
}

/** The data bound into cards/choose-area.json. */
export interface AreaCardData {
  intro: string;
  areas: { name: string; policeArea: string; buttonTitle: string; submit: AreaChoiceSubmit }[];
  footer: string;
}

export function chooseAreaCard(data: AreaCardData): AdaptiveCard {
  return expandCard('choose-area', data);
}
