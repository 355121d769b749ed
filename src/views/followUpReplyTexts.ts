// What /uppföljning answers in words: a refused tertial or year, the tertial that was chosen instead,
// and the review's answers (saved, published, refused). The follow-up itself is drawn by
// followUpCard, followUpReviewCard and followUpDocument.
import type { FollowUpArgsProblem, YearArgProblem } from '../domain/followUpArgs.js';
import { knownAgreementsText } from './agreementTexts.js';
import type { Catalogue } from './catalogue.js';
import { ended, recordTexts } from './logTexts.js';

/** What /uppföljning and the review card answer, with what each answer needs. */
export type FollowUpReply =
  | FollowUpArgsProblem
  | YearArgProblem
  | { code: 'followUp.noAgreementForTertial'; tertial: number; year: number; known: string }
  | { code: 'followUp.tertialNotStarted'; tertial: number; year: number; start: string }
  | { code: 'followUp.nothingBegun'; title: string; year: number | undefined; start: string }
  | { code: 'followUp.runningInstead'; title: string; tertial: number; year: number }
  | { code: 'review.reviewFallback'; title: string }
  | { code: 'review.draftStatus' }
  | { code: 'review.publishedStatus'; day: string; by: string }
  | { code: 'review.notPublished'; tertial: number; year: number; coordinator: boolean }
  | { code: 'review.inPersonalChat' }
  | { code: 'review.unreadable' }
  | { code: 'review.notPersonal' }
  | { code: 'review.tertialGone' }
  | { code: 'review.commentTooLong'; activity: string; length: number; max: number }
  | { code: 'review.personalData'; kind: string; match: string }
  | { code: 'review.draftSaved' }
  | { code: 'review.draftSavedAt'; day: string; time: string; published: boolean }
  | { code: 'review.publishedFallback'; title: string }
  | { code: 'review.published'; tertial: number; year: number };

const EXAMPLE = 'Skriv t.ex. /uppföljning T1 2020, /uppföljning 2020 eller bara /uppföljning.';
const TERTIALS = 'Året har tre tertialer: T1 (januari–april), T2 (maj–augusti) och T3 (september–december).';
/** After every refused review: nothing of it reached the draft or the publication. */
const NOTHING_PUBLISHED = 'Inget har publicerats eller sparats.';
const IN_PERSONAL_CHAT =
  'Granska och publicera uppföljningen i en personlig chatt med mig: där visas anteckningarna bara för dig.';
const sv = (n: number) => n.toLocaleString('sv-SE');

/** The Swedish for every answer of /uppföljning and its review card. */
export const followUpReplyTexts: Catalogue<FollowUpReply> = {
  'followUpArgs.whichTertial': () => `Vilken tertial? ${TERTIALS} ${EXAMPLE}`,
  'followUpArgs.oneYear': () => `Skriv bara ett år. ${EXAMPLE}`,
  'followUpArgs.unknownWord': ({ typed }) => `Jag förstår inte "${typed}". ${EXAMPLE}`,
  'followUpArgs.oneTertial': () => `Skriv bara en tertial. ${EXAMPLE}`,
  'followUpArgs.noSuchTertial': ({ typed }) => `Tertial ${typed} finns inte. ${TERTIALS}`,
  'yearArg.unknown': ({ typed, example }) => `Jag förstår inte "${typed}". Skriv ett år, t.ex. ${example}.`,
  'followUp.noAgreementForTertial': ({ tertial, year, known }) =>
    `Inget medborgarlöfte gäller tertial ${tertial} ${year}. ${knownAgreementsText(known)}`,
  'followUp.tertialNotStarted': ({ tertial, year, start }) =>
    `Tertial ${tertial} ${year} har inte börjat än (den börjar ${start}). Skriv /uppföljning för den senaste avslutade tertialen.`,
  'followUp.nothingBegun': ({ title, year, start }) =>
    `Ingen tertial i ${title}${year !== undefined ? ` ${year}` : ''} har börjat än: perioden börjar ${start}.`,
  'followUp.runningInstead': ({ title, tertial, year }) =>
    `Ingen tertial i ${title} är avslutad än. Här är tertial ${tertial} ${year}, som pågår: siffrorna gäller till och med idag.`,
  'review.reviewFallback': ({ title }) => `${title}: utkast att granska.`,
  'review.draftStatus': () => 'Utkast: inte publicerat. Ingen annan ser något ännu.',
  'review.publishedStatus': ({ day, by }) => `Publicerad ${day} av ${by}.`,
  'review.notPublished': ({ tertial, year, coordinator }) =>
    `Uppföljningen för tertial ${tertial} ${year} är inte publicerad än. ${coordinator ? IN_PERSONAL_CHAT : 'En samordnare granskar och publicerar uppföljningen; fråga igen senare.'}`,
  'review.inPersonalChat': () => IN_PERSONAL_CHAT,
  'review.unreadable': () => `Kortet skickade något jag inte kan läsa. Skriv /uppföljning igen. ${NOTHING_PUBLISHED}`,
  'review.notPersonal': () => `${IN_PERSONAL_CHAT} ${NOTHING_PUBLISHED}`,
  'review.tertialGone': () => `Tertialen finns inte längre i något medborgarlöfte. ${NOTHING_PUBLISHED}`,
  'review.commentTooLong': ({ activity, length, max }) =>
    `Kommentaren till ${activity} är ${sv(length)} tecken; högst ${sv(max)} får plats. Korta den och tryck igen. ${NOTHING_PUBLISHED}`,
  // The log path's refusal, word for word, with the review's own ending.
  'review.personalData': ({ kind, match }) =>
    `${ended(recordTexts, { code: 'record.identityNumber', kind, number: match }, 'none')} ${NOTHING_PUBLISHED}`,
  'review.draftSaved': () => 'Utkastet är sparat.',
  'review.draftSavedAt': ({ day, time, published }) =>
    `Utkastet sparades ${day} kl. ${time}. ${published ? 'Den publicerade versionen är oförändrad tills du publicerar igen.' : 'Inget är publicerat ännu.'}`,
  'review.publishedFallback': ({ title }) => `Publicerad: ${title}.`,
  'review.published': ({ tertial, year }) =>
    `Publicerad. PDF:en, webbsidan och den publika sidan visar nu tertial ${tertial} ${year} med dina kommentarer. Publicera igen när du vill uppdatera den.`,
};
