// What the published documents and their routes say: the public progress page (GET /loften/<area>),
// the follow-up PDF and web page, and the answers of the report links. The HTML and PDF layout lives
// in src/report; these are its words.
import type { Catalogue } from './catalogue.js';

/** A sentence of the public page, the follow-up documents or a report route, with what it needs. */
export type ReportText =
  | { code: 'page.periodOver'; asOf: string }
  | { code: 'page.notStarted' }
  | { code: 'page.asOf'; today: string }
  | { code: 'page.title'; title: string; municipality: string }
  | { code: 'page.intro'; period: string }
  | { code: 'page.figures' }
  | { code: 'page.promisesHeading' }
  | { code: 'page.followUpsHeading' }
  | { code: 'page.promiseHeading'; number: number; text: string }
  | { code: 'page.alsoHere'; name: string; owner: number | undefined }
  | { code: 'page.noFollowUp' }
  | { code: 'page.followUpHeading'; tertial: number; year: number }
  | { code: 'page.published'; day: string; summary: string }
  | { code: 'page.noComments' }
  | { code: 'page.footer' }
  | { code: 'page.embedLink' }
  | { code: 'pdf.subject' }
  | { code: 'chart.progressHeading' }
  | { code: 'pdf.progressAlt'; bars: readonly string[] }
  | { code: 'chart.progressNote' }
  | { code: 'chart.monthHeading' }
  | { code: 'pdf.monthAlt'; months: readonly string[]; highlighted: readonly string[] }
  | { code: 'chart.monthNote' }
  | { code: 'document.label'; field: 'target' | 'outcome' | 'state' | 'comment' }
  | { code: 'pdf.pageFooter'; title: string; page: number; pages: number }
  | { code: 'route.noSuchArea' }
  | { code: 'route.refused' }
  | { code: 'route.notFound' }
  | { code: 'route.notPublished' };

/** The Swedish for every report text; the documents escape it for HTML where they place it. */
export const reportTexts: Catalogue<ReportText> = {
  'page.periodOver': ({ asOf }) => `Perioden är slut: slutläge per ${asOf}.`,
  'page.notStarted': () => 'Perioden har inte börjat än.',
  'page.asOf': ({ today }) => `Läget ${today}.`,
  'page.title': ({ title, municipality }) => `${title} för ${municipality}`,
  'page.intro': ({ period }) =>
    `Här kan du följa hur arbetet med medborgarlöftet går. Medborgarlöftet gäller ${period}.`,
  'page.figures': () =>
    'Siffrorna är de insatser som polisen och kommunen har loggat; de räknas på samma sätt som i Teams.',
  'page.promisesHeading': () => 'Löften och aktiviteter',
  'page.followUpsHeading': () => 'Tertialuppföljningar',
  'page.promiseHeading': ({ number, text }) => `Löfte ${number}: ${text}`,
  'page.alsoHere': ({ name, owner }) => `${name} hör också till det här löftet (beskrivs under löfte ${owner ?? ''}).`,
  'page.noFollowUp': () => 'Ingen tertialuppföljning är publicerad än.',
  'page.followUpHeading': ({ tertial, year }) => `Tertial ${tertial} ${year}`,
  'page.published': ({ day, summary }) => `Publicerad ${day}. ${summary}.`,
  'page.noComments': () => 'Inga kommentarer.',
  'page.footer': () =>
    'Sidan visar inga namn och inga anteckningar, bara antal och de kommentarer som samordnarna har granskat och publicerat.',
  'page.embedLink': () => 'Version att bädda in',
  'pdf.subject': () => 'Tertialuppföljning av medborgarlöfte',
  'chart.progressHeading': () => 'Framsteg per aktivitet',
  'pdf.progressAlt': ({ bars }) => `Stapeldiagram: andel av målet hittills per aktivitet. ${bars.join('; ')}.`,
  'chart.progressNote': () =>
    'Stapeln visar andelen av målet hittills; för engångsaktiviteter och löpande arbete visar den läget (halv = pågående).',
  'chart.monthHeading': () => 'Loggade insatser per månad',
  'pdf.monthAlt': ({ months, highlighted }) =>
    `Stapeldiagram: loggade insatser per månad. ${months.join('; ')}. Tertialens månader (${highlighted.join(', ')}) är mörkare.`,
  'chart.monthNote': () => 'Mörka staplar: tertialens månader.',
  'document.label': ({ field }) => ({ target: 'Mål', outcome: 'Utfall', state: 'Läge', comment: 'Kommentar' })[field],
  'pdf.pageFooter': ({ title, page, pages }) => `${title} · sida ${page} av ${pages}`,
  'route.noSuchArea': () => 'Det finns ingen sida för det området.',
  'route.refused': () => 'Länken är ogiltig eller har gått ut. Be boten om en ny länk, t.ex. med /uppföljning.',
  'route.notFound': () => 'Rapporten finns inte.',
  'route.notPublished': () =>
    'Uppföljningen är inte publicerad. En samordnare granskar och publicerar den med /uppföljning.',
};
