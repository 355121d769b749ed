// /hjälp: every command with one example, the date words and the privacy rule, as the help card and
// its text fallback show them.
import { CORRECTION_WINDOW_MINUTES } from '../domain/correction.js';
import { MAX_NOTE_LENGTH } from '../domain/logRequest.js';

export interface HelpItem {
  usage: string;
  text: string;
  example: string;
}

/** Every command with one example; the help card and the text fallback are both made from this. */
export const HELP_ITEMS: readonly HelpItem[] = [
  {
    usage: '/logga «aktivitet» [plats] [datum] [antal] [anteckning]',
    text: `Loggar en insats. Bara /logga ger ett formulär. Efter ett kolon är allt anteckning; en anteckning rymmer högst ${MAX_NOTE_LENGTH} tecken (en längre kommer tillbaka i formuläret, med resten att kopiera).`,
    example: 'T.ex. /logga krogtillsyn, /logga fotpatrullering Öxnehaga 2 h igår',
  },
  {
    usage: '/status [år | aktivitet]',
    text: 'Läget per löfte och aktivitet.',
    example: 'T.ex. /status 2020, /status sig',
  },
  {
    usage: '/sammanfattning [vecka | månad | tertial | år] [år]',
    text: 'Vad som loggats under perioden, per löfte, jämfört med perioden före.',
    example: 'T.ex. /sammanfattning, /sammanfattning tertial, /sammanfattning år 2020',
  },
  {
    usage: '/uppföljning [T1 | T2 | T3] [år]',
    text: 'Tertialuppföljningen: samordnare granskar, kommenterar och publicerar; alla andra ser den publicerade, med PDF och webbsida.',
    example: 'T.ex. /uppföljning T1 2020',
  },
  {
    usage: '/prenumerera [veckodag] [tid]',
    text: 'Veckosammanfattning till den här konversationen, som standard torsdag 07:30. /avprenumerera slutar, /prenumerationer visar.',
    example: 'T.ex. /prenumerera måndag 08:00',
  },
  {
    usage: 'nej … · fel dag … · ändra till …',
    text: `Rättar insatsen du nyss loggade här (inom ${CORRECTION_WINDOW_MINUTES} minuter), eller svarar på min fråga om dag eller aktivitet.`,
    example: 'T.ex. nej det var i tisdags, ändra till 3 pers, fel plats, Österängen',
  },
  { usage: '/mina', text: 'Dina senaste insatser.', example: '' },
  { usage: '/ångra', text: 'Tar bort din senaste insats (den sparas i historiken).', example: '' },
  {
    usage: '/klar «aktivitet»',
    text: 'Markerar en engångsaktivitet som genomförd (samordnare).',
    example: 'T.ex. /klar grannsamverkan',
  },
  {
    usage: '/nytt-medborgarlöfte «år» från «år»',
    text: 'Skapar årets medborgarlöfte som kopia (samordnare).',
    example: 'T.ex. /nytt-medborgarlöfte 2026 från 2020',
  },
  {
    usage: '/importera «text»',
    text: 'Gör ett utkast av ett publicerat medborgarlöfte att granska och spara (samordnare).',
    example: 'T.ex. /importera följt av texten, eller bara /importera för ett formulär',
  },
  {
    usage: '/medborgarlöfte ändra [år]',
    text: 'Ändrar ett sparat medborgarlöfte i samma kort som importen; inget ändras förrän du trycker Spara (samordnare, i personlig chatt).',
    example: 'T.ex. /medborgarlöfte ändra 2020',
  },
  {
    usage: '/export [år]',
    text: 'Alla insatser som CSV för Excel (samordnare, i personlig chatt).',
    example: 'T.ex. /export 2020',
  },
  {
    usage: '/historik [aktivitet]',
    text: 'Vem som ändrade vad och när, nyast först (samordnare).',
    example: 'T.ex. /historik gemensam krogtillsyn',
  },
  {
    usage: '/område [namn]',
    text: 'Visar vilket område (kommun och lokalpolisområde) som gäller här, eller byter det.',
    example: 'T.ex. /område Habo',
  },
  {
    usage: '/samordnare [lägg till | ta bort «e-post»]',
    text: 'Områdets samordnare; samordnare kan ändra listan.',
    example: 'T.ex. /samordnare lägg till anna@kommun.se',
  },
  {
    usage: '/ansvarig «aktivitet» [@namn]',
    text: 'Vem som är ansvarig för aktiviteten; samordnare lägger till (@nämn dem, eller e-post i personlig chatt) och tar bort.',
    example: 'T.ex. /ansvarig torsdagsmöte @Anna',
  },
  {
    usage: '/påminnelser [av | på]',
    text: 'Dina veckopåminnelser om det du är ansvarig för och som ligger efter; samordnare sätter tiden med /påminnelsetid.',
    example: 'T.ex. /påminnelsetid måndag 09:00',
  },
  {
    usage: '/möte «veckodag» «tid» «aktivitet»',
    text: 'I mötets gruppchatt eller kanal: en dagordning en timme före varje möte, med knappen Logga mötet. /möte av avslutar.',
    example: 'T.ex. /möte torsdag 13:00 torsdagsmöte',
  },
  { usage: '/hjälp', text: 'Den här listan.', example: '' },
];

export const HELP_DATES = 'Datum: idag, igår, i förrgår, en veckodag (t.ex. tisdag), 2020-03-14, 14/3 eller 14 mars.';
export const HELP_PRIVACY = 'Skriv aldrig personuppgifter om invånare: inga namn, inga personnummer.';

/** The help as text, for where the card cannot be shown (the card's fallback). */
export const HELP_TEXT = [
  '**Medborgarlöfte-boten** – logga det ni gör och följ upp medborgarlöftet.',
  '',
  ...HELP_ITEMS.map((i) => `• **${i.usage}** – ${i.text}${i.example ? ` ${i.example}` : ''}`),
  '',
  `${HELP_DATES} ${HELP_PRIVACY}`,
].join('\n');
