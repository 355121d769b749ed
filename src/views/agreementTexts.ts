// What a command says when no agreement fits what was asked: none for that year (and which there
// are), none yet, and how a coordinator makes one.
import type { Catalogue } from './catalogue.js';

/** The agreements there are, after a sentence saying the one asked for is not among them; `known` is their list. */
export const knownAgreementsText = (known: string): string => `Det som finns: ${known}.`;

/** A missing agreement; `from` is the year of the latest agreement to copy, undefined when there is none. */
export type AgreementText =
  | { code: 'agreement.createHint'; year: number; from: string | undefined }
  | { code: 'agreement.noneYet'; year: number; from: string | undefined }
  | { code: 'agreement.noneForYear'; year: number; known: string };

const createHint = (year: number, from: string | undefined) =>
  `En samordnare kan skapa det med /nytt-medborgarlöfte ${year} från ${from ?? '«år»'}.`;

/** The Swedish for a missing agreement. */
export const agreementTexts: Catalogue<AgreementText> = {
  'agreement.createHint': ({ year, from }) => createHint(year, from),
  'agreement.noneYet': ({ year, from }) => `Det finns inget medborgarlöfte än. ${createHint(year, from)}`,
  'agreement.noneForYear': ({ year, known }) =>
    `Det finns inget medborgarlöfte för ${year}. ${knownAgreementsText(known)}`,
};
