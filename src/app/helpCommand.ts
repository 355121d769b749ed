import { helpCard } from '../views/helpCard.js';
import { HELP_DATES, HELP_ITEMS, HELP_PRIVACY, HELP_TEXT } from '../views/helpTexts.js';
import { card, type Reply } from './ports.js';

export function helpCommand(): Reply[] {
  return [card(helpCard(HELP_ITEMS, HELP_DATES, HELP_PRIVACY), HELP_TEXT)];
}
