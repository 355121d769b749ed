// The published follow-up as an Adaptive Card (cards/follow-up.json), drawn from the publication's
// snapshot: the figures and the approved comments as they were published. Teams refuses messages
// over about 28 KB, so the card is fitted to a byte budget: comments go first, then activities
// beyond what fits (the document always has everything).
import { formatSwedishDate, stockholmDate } from '../domain/calendar.js';
import { shorten } from '../domain/notes.js';
import { publishedStatus, type Publication } from '../domain/publication.js';
import { expandCard, type AdaptiveCard } from './cards.js';
import { changedAfterPublicationText } from './followUpTexts.js';
import { statusCardColor, statusMark } from './statusWords.js';

interface FollowUpCardData {
  title: string;
  subtitle: string;
  phaseText: string;
  summary: string;
  promises: {
    text: string;
    activities: { name: string; state: string; mark: string; color: string; figures: string; details: string }[];
  }[];
  moreText: string;
  linkNote: string;
  pdfUrl: string;
  htmlUrl: string;
}

export interface DocumentLinks {
  pdf: string;
  html: string;
  expires: Date;
}

/** Bytes of card JSON we allow ourselves; the rest of the 28 KB is the message around it. */
export const CARD_BUDGET = 24_000;

/** "Publicerad 5 maj 2020." */
function publishedOnText(publication: Publication): string {
  return `Publicerad ${formatSwedishDate(stockholmDate(new Date(publication.publishedAt)))}.`;
}

function followUpCardData(
  publication: Publication,
  links: DocumentLinks | undefined,
  changed: boolean,
  withComments = true,
  maxActivities = Infinity,
): FollowUpCardData {
  const d = publication.document;
  let shown = 0;
  const promises = d.promises.map((p) => ({
    // The heading without its "Löfte 1: " (the card lists the promises in order anyway).
    text: p.heading.replace(/^Löfte \d+: /u, ''),
    activities: p.activities
      // An activity serving two promises is shown once, under the first.
      .filter((a) => a.seeAlso === undefined)
      .filter(() => shown++ < maxActivities)
      .map((a) => ({
        name: a.name,
        state: a.stateLabel,
        mark: statusMark(publishedStatus(a.state)),
        color: statusCardColor(publishedStatus(a.state)),
        figures: a.outcome,
        details: withComments ? shorten(a.comment, 400) : '',
      })),
  }));
  const total = d.promises.reduce((n, p) => n + p.activities.filter((a) => a.seeAlso === undefined).length, 0);
  const listed = promises.reduce((n, p) => n + p.activities.length, 0);
  const omitted = [total > listed ? `${total - listed} rader till` : '', withComments ? '' : 'kommentarerna'].filter(
    Boolean,
  );
  return {
    title: d.title,
    subtitle: d.facts
      .map((f) => f.value)
      .slice(0, 2)
      .join(' · '),
    phaseText: [publishedOnText(publication), d.phase, changed ? changedAfterPublicationText : '']
      .filter(Boolean)
      .join(' '),
    summary: d.summary,
    promises: promises.filter((p) => p.activities.length > 0),
    moreText: omitted.length > 0 ? `Kortet har inte plats för allt: ${omitted.join(', ')} finns i dokumentet.` : '',
    linkNote: links
      ? `Länkarna till dokumentet gäller till ${formatSwedishDate(stockholmDate(links.expires))}.`
      : 'Dokumentlänkar är inte påslagna i den här boten.',
    pdfUrl: links?.pdf ?? '',
    htmlUrl: links?.html ?? '',
  };
}

export function cardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/** The published follow-up as the fullest card within the budget. */
export function followUpCard(
  publication: Publication,
  links: DocumentLinks | undefined,
  changed: boolean,
  budget = CARD_BUDGET,
): AdaptiveCard {
  for (const withComments of [true, false]) {
    const card = expandCard('follow-up', followUpCardData(publication, links, changed, withComments));
    if (cardBytes(card) <= budget) return card;
  }
  // Even bare rows do not fit: drop rows from the end until they do.
  let rows = publication.document.promises.reduce((n, p) => n + p.activities.length, 0);
  for (;;) {
    rows -= Math.max(1, Math.ceil(rows / 10));
    const card = expandCard('follow-up', followUpCardData(publication, links, changed, false, rows));
    if (rows <= 0 || cardBytes(card) <= budget) return card;
  }
}
