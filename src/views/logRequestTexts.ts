// What the bot says about the words after "/logga" that it cannot log as written: a date that is no
// day, a time that says when rather than how long, a count out of range, something given twice.
import type { DateProblem } from '../domain/dateWords.js';
import type { GivenTwice, LogProblem } from '../domain/logRequest.js';
import type { TimeProblem } from '../domain/timeOfDay.js';
import { SWEDISH_WEEKDAYS, formatSwedishDate } from '../domain/calendar.js';
import type { Catalogue } from './catalogue.js';

/** How a refusal of a date-like word ends: it talks about dates, never about counts. */
const DATE_HINT = 'Skriv datumet t.ex. som 14/3 eller 14 mars.';

const weekday = (n: number): string => SWEDISH_WEEKDAYS[n - 1] ?? '';

export const dateTexts: Catalogue<DateProblem> = {
  'date.nonexistent': (p) => `Datumet ${p.written} finns inte. ${DATE_HINT}`,
  'date.incalculable': () => 'Datumet går inte att räkna ut.',
  'date.notOneDay': (p) => `"${p.written}" är ingen bestämd dag. Vilken dag menar du?`,
  'date.severalReadings': (p) => `"${p.written}" kan läsas som flera datum. Vilken dag menar du?`,
  'date.wrongWeekday': (p) =>
    `${formatSwedishDate(p.date)} var en ${weekday(p.weekday)}, inte en ${weekday(p.named)}. Vilken dag menar du? ${DATE_HINT}`,
};

export const timeTexts: Catalogue<TimeProblem> = {
  'time.zeroHours': (p) => `Tiden "${p.written}" blir 0 timmar. Skriv t.ex. kl 19-21 eller 2 h.`,
  'time.single': (p) =>
    `Klockslaget "${p.written}" säger när, inte hur länge. Skriv hela tiden, t.ex. kl 19-21, eller antal timmar, t.ex. 2 h.`,
};

const GIVEN_TWICE: Readonly<Record<GivenTwice, string>> = {
  date: 'datum',
  count: 'antal',
  hours: 'tid',
  participants: 'antal deltagare',
  place: 'plats',
};

export const logRequestTexts: Catalogue<LogProblem> = {
  ...dateTexts,
  ...timeTexts,
  'hours.outOfRange': (p) =>
    `Tiden "${p.written}" går inte att logga: skriv en tid över 0 och högst ${p.max} timmar, t.ex. "2 h".`,
  'count.notWhole': (p) =>
    `Antalet "${p.written}" går inte att logga: skriv ett heltal från 1 till ${p.max}, t.ex. "3".`,
  'count.tooLarge': (p) => `Antalet ${p.written} är orimligt stort: högst ${p.max} per loggning.`,
  'participants.notWhole': (p) =>
    `Antalet deltagare "${p.written}" går inte att logga: skriv ett heltal från 1 till ${p.max}, t.ex. "3".`,
  'participants.tooLarge': (p) => `Antalet deltagare ${p.written} är orimligt stort: högst ${p.max} per loggning.`,
  'log.clockTime': (p) => `Klockslaget "${p.written}" säger när, inte hur länge. Skriv t.ex. kl 19-21 eller 2 h.`,
  'log.timeOrDate': (p) =>
    `Jag förstår inte "${p.written}". Är det en tid, skriv kl ${p.word}; är det ett datum, skriv t.ex. 14/3 eller 14 mars.`,
  'date.unreadable': (p) => `Jag förstår inte datumet "${p.written}". ${DATE_HINT}`,
  'log.bareNumber': (p) =>
    `Vad betyder "${p.written}"? Skriv "${p.written} st" för antal gånger, "${p.written} pers" för deltagare eller "${p.written} h" för tid.`,
  'log.givenTwice': (p) => `Du angav ${GIVEN_TWICE[p.what]} två gånger. Skriv ${GIVEN_TWICE[p.what]} en gång.`,
  'date.differentDays': (p) => `"${p.first}" och "${p.second}" är olika dagar. Vilken menar du?`,
};
