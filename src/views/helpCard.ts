import { expandCard, type AdaptiveCard } from './cards.js';

/** A help button runs a command as if typed: the phone-friendly way to the form and the status. */
interface CommandSubmit {
  verb: 'command';
  command: 'logga' | 'status' | 'sammanfattning' | 'mina';
}

interface HelpCardData {
  title: string;
  intro: string;
  commands: { usage: string; text: string; example: string }[];
  dates: string;
  privacy: string;
  buttons: { title: string; submit: CommandSubmit }[];
}

export function helpCard(
  items: readonly { usage: string; text: string; example: string }[],
  dates: string,
  privacy: string,
): AdaptiveCard {
  const data: HelpCardData = {
    title: 'Medborgarlöfte-boten',
    intro: 'Logga det ni gör och följ upp medborgarlöftet. Kommandona fungerar med eller utan snedstreck och å/ä/ö.',
    commands: items.map((i) => ({ usage: i.usage, text: i.text, example: i.example })),
    dates,
    privacy,
    buttons: [
      // Short titles: three buttons side by side must fit a phone's width.
      { title: 'Logga', submit: { verb: 'command', command: 'logga' } },
      { title: 'Status', submit: { verb: 'command', command: 'status' } },
      { title: 'Senaste veckan', submit: { verb: 'command', command: 'sammanfattning' } },
    ],
  };
  return expandCard('help', data);
}
