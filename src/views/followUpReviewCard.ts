// The coordinator's review of a tertial follow-up (cards/follow-up-review.json): per activity the
// state and figures, the entries' notes as material for the coordinator only, and an editable
// comment, which is what gets published. Sent only in a personal chat with a coordinator.
import type { Tertial } from '../domain/calendar.js';
import type { ActivityFollowUp, FollowUp } from '../domain/followUp.js';
import { shorten } from '../domain/notes.js';
import { reviewedComment, type CommentBases, type Comments } from '../domain/publication.js';
import { expandCard, type AdaptiveCard } from './cards.js';
import type { DocumentLinks } from './followUpCard.js';
import { cardBytes, CARD_BUDGET } from './followUpCard.js';
import { statusLine } from './statusWords.js';
import { noteForCard } from './texts.js';
import {
  changedAfterPublicationText,
  followUpTitle,
  neutralComment,
  outcomeText,
  partiesText,
  phaseText,
  rangeText,
  summaryText,
} from './followUpTexts.js';

interface FollowUpReviewCardData {
  title: string;
  subtitle: string;
  statusLine: string;
  changedLine: string;
  summary: string;
  guide: string;
  promises: {
    text: string;
    activities: { name: string; line: string; notes: string; inputId: string; comment: string; stale: string }[];
    seeAlso: string;
  }[];
  linkNote: string;
  agreementId: string;
  year: number;
  tertial: Tertial;
  pdfUrl: string;
  htmlUrl: string;
}

export interface ReviewState {
  /** The comments to show: the saved draft's, else none (each activity then starts from neutral text). */
  comments: Comments | undefined;
  /** What the saved comments were written against (see reviewedComment); none for older drafts. */
  basis?: CommentBases;
  /** "Utkast, inte publicerat." / "Publicerad 5 maj 2020 av Anna Lind." / "Utkastet sparades …" */
  statusLine: string;
  changed: boolean;
  links: DocumentLinks | undefined;
}

/** The Input.Text id of an activity's comment (activity ids are slugs, so this is a safe id). */
export function commentInputId(activityId: string): string {
  return `comment_${activityId}`;
}

export const REVIEW_GUIDE =
  'Anteckningarna visas bara för dig och publiceras aldrig. Det som står i kommentarsfälten är det som publiceras, i PDF:en, på webbsidan och på den publika sidan.';

/** What each comment is written against now: the row's figures and the neutral text it is prefilled with. */
export function commentBases(f: FollowUp): CommentBases {
  return Object.fromEntries(
    f.activities.map((a) => [a.activity.id, { figures: outcomeText(a), neutral: neutralComment(a) }]),
  );
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('sv-SE') + text.slice(1);
}

function commentField(a: ActivityFollowUp, state: ReviewState): { comment: string; stale: string } {
  const figures = outcomeText(a);
  const id = a.activity.id;
  const { comment, writtenFor } = reviewedComment(state.comments?.[id], state.basis?.[id], {
    figures,
    neutral: neutralComment(a),
  });
  const stale = writtenFor
    ? `⚠️ Siffrorna har ändrats sedan kommentaren skrevs: nu ${lowerFirst(figures)} (då ${lowerFirst(writtenFor)}). Se över kommentaren innan du publicerar.`
    : '';
  return { comment, stale };
}

function notesText(a: ActivityFollowUp, perActivity: number, length: number): string {
  if (a.notes.length === 0) return '';
  if (perActivity === 0) return '';
  const shown = a.notes.slice(0, perActivity).map((n) => `”${shorten(n, length)}”`);
  const more = a.notes.length > perActivity ? ` (+${a.notes.length - perActivity} till)` : '';
  return noteForCard(`Anteckningar, bara för dig: ${shown.join(' ')}${more}`);
}

function followUpReviewCardData(
  f: FollowUp,
  state: ReviewState,
  notes: { perActivity: number; length: number; figures?: boolean } = { perActivity: 3, length: 120 },
): FollowUpReviewCardData {
  const seen = new Set<string>();
  const promises = f.promises.map((p) => {
    const first = p.activities.filter((a) => !seen.has(a.activity.id));
    const repeated = p.activities.filter((a) => seen.has(a.activity.id));
    for (const a of first) seen.add(a.activity.id);
    return {
      text: p.promise.text,
      activities: first.map((a) => ({
        name: a.activity.name,
        line: `${statusLine(a.state)}${notes.figures === false ? '' : ` · ${outcomeText(a)}`}`,
        notes: notesText(a, notes.perActivity, notes.length),
        inputId: commentInputId(a.activity.id),
        ...commentField(a, state),
      })),
      seeAlso:
        repeated.length > 0 ? `Hör också hit: ${repeated.map((a) => a.activity.name).join(', ')} (se ovan).` : '',
    };
  });
  return {
    title: followUpTitle(f),
    subtitle: `${partiesText(f.agreement.parties)} · ${f.agreement.title} · ${rangeText(f.range)}`,
    statusLine: state.statusLine,
    changedLine: state.changed ? changedAfterPublicationText : '',
    summary: `${phaseText(f)} ${summaryText(f)}`,
    guide:
      notes.perActivity === 0 && f.activities.some((a) => a.notes.length > 0)
        ? `${REVIEW_GUIDE} Anteckningarna får inte plats på kortet; /export har dem.`
        : REVIEW_GUIDE,
    promises,
    linkNote: state.links ? 'Länkarna visar den publicerade versionen.' : '',
    agreementId: f.agreement.id,
    year: f.ref.year,
    tertial: f.ref.tertial,
    pdfUrl: state.links?.pdf ?? '',
    htmlUrl: state.links?.html ?? '',
  };
}

/**
 * The review card with as many notes as fit the byte budget; for a very large agreement the figures
 * give way too (they are in the document). The comment fields always stay.
 */
export function followUpReviewCard(f: FollowUp, state: ReviewState, budget = CARD_BUDGET): AdaptiveCard {
  const levels = [
    { perActivity: 3, length: 120 },
    { perActivity: 2, length: 80 },
    { perActivity: 1, length: 60 },
    { perActivity: 0, length: 0 },
    { perActivity: 0, length: 0, figures: false },
  ];
  let card = expandCard('follow-up-review', followUpReviewCardData(f, state, levels[0]));
  for (const level of levels.slice(1)) {
    if (cardBytes(card) <= budget) break;
    card = expandCard('follow-up-review', followUpReviewCardData(f, state, level));
  }
  return card;
}
