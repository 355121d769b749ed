// The follow-up as an Adaptive Card (cards/follow-up.json). Teams refuses messages over about
// 28 KB, so the card is fitted to a byte budget: notes go first, then places, then activities
// beyond what fits (the document always has everything).
import { formatSwedishDate, stockholmDate } from '../domain/calendar.js';
import type { ActivityFollowUp, FollowUp } from '../domain/followUp.js';
import { shorten } from '../domain/notes.js';
import { expandCard, type AdaptiveCard } from './cards.js';
import {
  FOLLOW_UP_COLOR,
  FOLLOW_UP_LABEL,
  FOLLOW_UP_MARK,
  followUpTitle,
  outcomeText,
  partiesText,
  phaseText,
  placesText,
  rangeText,
  summaryText,
} from './followUpTexts.js';

export interface FollowUpCardData {
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
const CARD_BUDGET = 24_000;

type Detail = 'full' | 'placesOnly' | 'none';

function details(a: ActivityFollowUp, level: Detail): string {
  if (level === 'none') return '';
  const parts: string[] = [];
  if (a.places.length > 0) parts.push(`Platser: ${placesText(a.places, 3)}`);
  if (level === 'full') {
    const notes = a.notes.slice(0, 2).map((n) => `”${shorten(n, 90)}”`);
    if (notes.length > 0) parts.push(notes.join(' '));
    if (a.notes.length > 2) parts.push(`+${a.notes.length - 2} anteckningar`);
  }
  return parts.join(' · ');
}

export function followUpCardData(
  f: FollowUp,
  links: DocumentLinks | undefined,
  level: Detail = 'full',
  maxActivities = Infinity,
): FollowUpCardData {
  let shown = 0;
  const promises = f.promises.map((p) => ({
    text: p.promise.text,
    activities: p.activities
      .filter(() => shown++ < maxActivities)
      .map((a) => ({
        name: a.activity.name,
        state: FOLLOW_UP_LABEL[a.state],
        mark: FOLLOW_UP_MARK[a.state],
        color: FOLLOW_UP_COLOR[a.state],
        figures: outcomeText(a),
        details: details(a, level),
      })),
  }));
  const listed = promises.reduce((n, p) => n + p.activities.length, 0);
  const total = f.promises.reduce((n, p) => n + p.activities.length, 0);
  const visible = promises.filter((p) => p.activities.length > 0);
  const omitted = [
    total > listed ? `${total - listed} rader till` : '',
    level !== 'full' ? 'anteckningar' : '',
    level === 'none' ? 'platser' : '',
  ].filter(Boolean);
  return {
    title: followUpTitle(f),
    subtitle: `${partiesText(f.agreement.parties)} · ${f.agreement.title} · ${rangeText(f.range)}`,
    phaseText: phaseText(f),
    summary: summaryText(f),
    promises: visible,
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

/** The fullest card within the budget. */
export function followUpCard(f: FollowUp, links: DocumentLinks | undefined, budget = CARD_BUDGET): AdaptiveCard {
  for (const level of ['full', 'placesOnly', 'none'] as const) {
    const card = expandCard('follow-up', followUpCardData(f, links, level));
    if (cardBytes(card) <= budget) return card;
  }
  // Even bare rows do not fit: drop rows from the end until they do.
  let rows = f.promises.reduce((n, p) => n + p.activities.length, 0);
  for (;;) {
    rows -= Math.max(1, Math.ceil(rows / 10));
    const card = expandCard('follow-up', followUpCardData(f, links, 'none', rows));
    if (rows <= 0 || cardBytes(card) <= budget) return card;
  }
}
