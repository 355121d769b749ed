import type { IsoWeekday } from '../domain/calendar.js';
import { expandCard, type AdaptiveCard } from './cards.js';

/** What the welcome card's subscribe button sends back (routed by verb in app/cardActions.ts). */
interface SubscribeSubmit {
  verb: 'subscribe';
  weekday: IsoWeekday;
  time: string;
}

/** The data bound into cards/welcome.json. */
export interface WelcomeCardData {
  title: string;
  intro: string;
  examples: { command: string; text: string }[];
  subscribeText: string;
  subscribeTitle: string;
  submit: SubscribeSubmit;
}

export function welcomeCard(data: WelcomeCardData): AdaptiveCard {
  return expandCard('welcome', data);
}
