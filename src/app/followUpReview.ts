// Review before publishing: a coordinator's /uppföljning in a personal chat is the tertial as a
// draft with editable comments; "Spara utkast" keeps the comments, "Publicera" stores a snapshot of
// the document with exactly those comments. Everyone else sees only what was published.
import { turnAuditRecord } from './audit.js';
import { z } from 'zod';
import type { Agreement } from '../domain/agreement.js';
import type { Person } from '../domain/entry.js';
import { formatSwedishDate, stockholmDate, type Tertial } from '../domain/calendar.js';
import { followUp, tertialPhase, type FollowUp, type TertialRef } from '../domain/followUp.js';
import {
  changedAfterPublication,
  MAX_COMMENT_LENGTH,
  type CommentBases,
  type Comments,
  type Draft,
  type Publication,
  type TertialKey,
} from '../domain/publication.js';
import { followUpDocument } from '../views/followUpDocument.js';
import type { AdaptiveCard } from '../views/cards.js';
import { followUpCard } from '../views/followUpCard.js';
import { commentBases, commentInputId, followUpReviewCard, type ReviewState } from '../views/followUpReviewCard.js';
import { followUpTitle } from '../views/followUpTexts.js';
import { render } from '../views/catalogue.js';
import { followUpReplyTexts, type FollowUpReply } from '../views/followUpReplyTexts.js';
import { findPersonalIdentityNumber } from '../domain/personalData.js';
import { COORDINATOR_ONLY, isCoordinator, personOf, type Turn } from './context.js';
import { card, replaceCard, text, type Reply } from './ports.js';

const say = (reply: FollowUpReply): string => render(followUpReplyTexts, reply);

export const REVIEW_IN_PERSONAL_CHAT = say({ code: 'review.inPersonalChat' });

// Card inputs arrive as strings; the template's numbers may too, depending on the client.
const reviewSubmitSchema = z.looseObject({
  verb: z.enum(['followUp.publish', 'followUp.draft']),
  agreementId: z.string().min(1).max(100),
  year: z.coerce.number().int().min(1900).max(3000),
  tertial: z.coerce
    .number()
    .int()
    .refine((t): t is Tertial => t === 1 || t === 2 || t === 3),
});

function keyOf(agreement: Agreement, ref: TertialRef): TertialKey {
  return { agreementId: agreement.id, year: ref.year, tertial: ref.tertial };
}

async function isChanged(turn: Turn, publication: Publication): Promise<boolean> {
  return changedAfterPublication(
    publication,
    await turn.records.entries(publication.agreementId),
    await turn.records.completions(publication.agreementId),
  );
}

function links(turn: Turn, key: TertialKey) {
  return turn.deps.reportLinks?.followUp({ areaId: turn.area.id, ...key }, turn.now);
}

function publishedStatus(publication: Publication): string {
  const day = formatSwedishDate(stockholmDate(new Date(publication.publishedAt)));
  return say({ code: 'review.publishedStatus', day, by: publication.publishedBy.name });
}

/** The coordinator's review card for a started tertial, with the saved draft's comments if any. */
/** The agreement's follow-up for the tertial as of today, from the area's entries and completions. */
export async function followUpNow(turn: Turn, agreement: Agreement, ref: TertialRef): Promise<FollowUp> {
  const store = turn.records;
  return followUp(agreement, await store.entries(agreement.id), await store.completions(agreement.id), ref, turn.today);
}

export async function reviewReply(turn: Turn, agreement: Agreement, f: FollowUp): Promise<Reply> {
  return card(await reviewCard(turn, agreement, f), say({ code: 'review.reviewFallback', title: followUpTitle(f) }));
}

async function reviewCard(turn: Turn, agreement: Agreement, f: FollowUp, statusLine?: string): Promise<AdaptiveCard> {
  const key = keyOf(agreement, f.ref);
  const publications = turn.deps.port.publications;
  const published = await publications.latest(key);
  const draft = await publications.draft(key);
  const state: ReviewState = {
    comments: draft?.comments,
    basis: draft ? basisOf(draft, published) : undefined,
    statusLine: statusLine ?? (published ? publishedStatus(published) : say({ code: 'review.draftStatus' })),
    changed: published !== undefined && (await isChanged(turn, published)),
    links: published ? links(turn, key) : undefined,
  };
  return followUpReviewCard(f, state);
}

/**
 * What the draft's comments were written against. A draft saved before this was kept has none; when
 * it holds exactly the published comments, the published figures are what they were approved for.
 */
function basisOf(draft: Draft, published: Publication | undefined): CommentBases | undefined {
  if (draft.basis) return draft.basis;
  if (!published || JSON.stringify(published.comments) !== JSON.stringify(draft.comments)) return undefined;
  if (published.basis) return published.basis;
  const activities = published.document.promises.flatMap((p) => p.activities);
  return Object.fromEntries(activities.map((a) => [a.activityId, { figures: a.outcome }]));
}

/** What anyone but a reviewing coordinator sees: the published version, or that there is none. */
export async function publishedReply(
  turn: Turn,
  agreement: Agreement,
  ref: TertialRef,
  coordinator: boolean,
): Promise<Reply[]> {
  const key = keyOf(agreement, ref);
  const published = await turn.deps.port.publications.latest(key);
  if (!published) return [text(say({ code: 'review.notPublished', ...ref, coordinator }))];
  const documentLinks = links(turn, key);
  const fallback = [
    `${published.document.title}: ${published.document.summary}.`,
    documentLinks ? `PDF: ${documentLinks.pdf}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return [
    ...(coordinator ? [text(REVIEW_IN_PERSONAL_CHAT)] : []),
    card(followUpCard(published, documentLinks, await isChanged(turn, published)), fallback),
  ];
}

/**
 * The comments typed on the card, activity id → trimmed text, or why they cannot be kept: one too
 * long, or one holding a personnummer or samordningsnummer.
 */
function typedComments(
  agreement: Agreement,
  submit: Record<string, unknown>,
): { ok: true; comments: Comments } | { ok: false; problem: FollowUpReply } {
  const comments: Comments = {};
  for (const activity of agreement.activities) {
    const typed = submit[commentInputId(activity.id)];
    const comment = typeof typed === 'string' ? typed.trim() : '';
    if (comment.length > MAX_COMMENT_LENGTH) {
      const problem = { activity: activity.name, length: comment.length, max: MAX_COMMENT_LENGTH };
      return { ok: false, problem: { code: 'review.commentTooLong', ...problem } };
    }
    comments[activity.id] = comment;
  }
  for (const comment of Object.values(comments)) {
    const found = comment ? findPersonalIdentityNumber(comment) : undefined;
    if (found) return { ok: false, problem: { code: 'review.personalData', kind: found.kind, match: found.match } };
  }
  return { ok: true, comments };
}

type ReviewSubmit = z.infer<typeof reviewSubmitSchema>;

/** The submit's agreement and tertial, when the tertial has begun in an agreement of this area. */
async function submittedTertial(turn: Turn, submit: ReviewSubmit) {
  // Only the conversation's area's agreements: a payload naming another area's finds nothing.
  const agreement = await turn.records.agreement(submit.agreementId);
  const ref: TertialRef = { year: submit.year, tertial: submit.tertial };
  const phase = agreement ? tertialPhase(agreement, ref, turn.today) : 'outside';
  return agreement && phase !== 'outside' && phase !== 'future' ? { agreement, ref } : undefined;
}

/** "Spara utkast": keeps the comments, and shows the card again with when they were saved. */
async function saveDraft(turn: Turn, agreement: Agreement, f: FollowUp, comments: Comments): Promise<Reply[]> {
  const key = keyOf(agreement, f.ref);
  const { publications } = turn.deps.port;
  const basis = commentBases(f);
  await publications.saveDraft({ ...key, comments, basis, savedBy: personOf(turn), savedAt: turn.now.toISOString() });
  turn.log.info({ ...key }, 'follow-up draft saved');
  const published = (await publications.latest(key)) !== undefined;
  const shown = await reviewCard(turn, agreement, f, draftSavedText(turn.now, published));
  return [replaceCard(shown, say({ code: 'review.draftSaved' }))];
}

/** "Publicera": stores the document with these comments, and says where it now shows. */
async function publish(turn: Turn, agreement: Agreement, f: FollowUp, comments: Comments): Promise<Reply[]> {
  const key = keyOf(agreement, f.ref);
  const made = publicationOf(f, comments, personOf(turn), turn.now, turn.deps.newId());
  const publication = await turn.deps.port.publications.publish(
    made,
    turnAuditRecord(turn, {
      action: 'publication.published',
      agreementId: agreement.id,
      detail: `T${f.ref.tertial} ${f.ref.year} (${made.id})`,
    }),
  );
  turn.log.info({ ...key, publicationId: publication.id }, 'follow-up published');
  const fallback = say({ code: 'review.publishedFallback', title: publication.document.title });
  return [
    replaceCard(await reviewCard(turn, agreement, f), fallback),
    text(say({ code: 'review.published', ...f.ref })),
  ];
}

/** "Publicera" and "Spara utkast" on the review card. */
export async function reviewAction(turn: Turn, value: unknown): Promise<Reply[]> {
  const parsed = reviewSubmitSchema.safeParse(value);
  if (!parsed.success) return [text(say({ code: 'review.unreadable' }))];
  if (!(await isCoordinator(turn))) return [text(COORDINATOR_ONLY)];
  if (turn.input.conversation.kind !== 'personal') return [text(say({ code: 'review.notPersonal' }))];
  const submit = parsed.data;
  const chosen = await submittedTertial(turn, submit);
  if (!chosen) return [text(say({ code: 'review.tertialGone' }))];
  const { agreement, ref } = chosen;
  const typed = typedComments(agreement, submit);
  if (!typed.ok) return [text(say(typed.problem))];
  const f = await followUpNow(turn, agreement, ref);
  const { comments } = typed;
  return submit.verb === 'followUp.draft'
    ? saveDraft(turn, agreement, f, comments)
    : publish(turn, agreement, f, comments);
}

/** The publication of `f` with `comments`, made by `by` at `now`: the document snapshot included. */
export function publicationOf(f: FollowUp, comments: Comments, by: Person, now: Date, id: string): Publication {
  return {
    id,
    agreementId: f.agreement.id,
    year: f.ref.year,
    tertial: f.ref.tertial,
    comments,
    basis: commentBases(f),
    publishedBy: by,
    publishedAt: now.toISOString(),
    document: followUpDocument(f, comments, stockholmDate(now)),
  };
}

function draftSavedText(now: Date, published: boolean): string {
  const time = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    hour: '2-digit',
    minute: '2-digit',
  }).format(now);
  return say({ code: 'review.draftSavedAt', day: formatSwedishDate(stockholmDate(now)), time, published });
}
