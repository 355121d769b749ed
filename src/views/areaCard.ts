// "Vilket område gäller här?": one button per area the user's tenant may use.
import { expandCard, type AdaptiveCard } from './cards.js';

/** What a button sends back (routed by verb in app/areaCommands.ts): the area, and the command to run after. */
export interface AreaChoiceSubmit {
  verb: 'area.choose';
  /** Absent from the list's button: the chosen value of the input "areaId" is merged in by the client. */
  areaId?: string;
  /** The command the user first wrote, run once the area is chosen. */
  pending?: { text: string } | { value: unknown };
}

/** The data bound into cards/choose-area.json. */
export interface AreaCardData {
  intro: string;
  /** One button per area, when there are few; empty when `many`. */
  areas: { name: string; policeArea: string; buttonTitle: string; submit: AreaChoiceSubmit }[];
  /** Many areas (a police tenant may be in hundreds): a list to type in and one button, so the card stays small. */
  many: boolean;
  choices: { title: string; value: string }[];
  pickSubmit: AreaChoiceSubmit;
  footer: string;
}

export function chooseAreaCard(data: AreaCardData): AdaptiveCard {
  return expandCard('choose-area', data);
}
