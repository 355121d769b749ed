// A reviewed tertial follow-up (uppföljning) and its publication. Nothing about a tertial is public
// until a coordinator has read it and pressed Publicera: what is published is a snapshot of the
// document as laid out then, with exactly the comments the coordinator approved, never the
// entries' notes. Every publication is kept (who, when, what); the newest one is the public one.
import { z } from 'zod';
import type { IsoDate } from './agreement.js';
import { isoDateSchema } from './agreement.js';
import type { Tertial } from './calendar.js';
import { isActive, personSchema, type Completion, type Entry } from './entry.js';
import type { StatusCode } from './status.js';

/** Longest comment a coordinator may publish per activity, in characters. */
export const MAX_COMMENT_LENGTH = 1000;

/**
 * An activity's status as published: a status code (status.ts), or one of the two follow-up states
 * that publications made before the follow-up used the status words still hold ('partly',
 * 'inProgress'). A published snapshot is never rewritten, so both stay readable.
 */
const stateSchema = z.enum(['done', 'onTrack', 'behind', 'farBehind', 'notStarted', 'partly', 'inProgress']);
export type PublishedState = z.infer<typeof stateSchema>;

/** The status a published state is drawn as: an older snapshot's 'partly' as behind, 'inProgress' as on track. */
export function publishedStatus(state: PublishedState): StatusCode {
  if (state === 'partly') return 'behind';
  if (state === 'inProgress') return 'onTrack';
  return state;
}
const tertialSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);

/** Comments per activity id, as the coordinator wrote or approved them. */
const commentsSchema = z.record(z.string().min(1).max(100), z.string().max(MAX_COMMENT_LENGTH));
export type Comments = z.infer<typeof commentsSchema>;

/**
 * What a saved comment was written against, per activity id: the figures shown on its row then
 * (`figures`) and the neutral text the field was prefilled with (`neutral`). Drafts and publications
 * saved before this was kept have none; a basis taken from an older publication has only figures.
 */
const commentBasisSchema = z.record(
  z.string().min(1).max(100),
  z.object({ figures: z.string().max(2000), neutral: z.string().max(2000).optional() }),
);
export type CommentBases = z.infer<typeof commentBasisSchema>;
export type CommentBasis = CommentBases[string];

/** A comment as the review card shows it, and the figures it was written for when they have changed since. */
export interface ReviewedComment {
  comment: string;
  /** Set when the coordinator's own comment was written for other figures than today's. */
  writtenFor?: string;
}

/**
 * The comment the review card prefills for one activity, given the saved comment (undefined when
 * none was saved), what it was written against, and today's figures and neutral text:
 * - nothing saved, or exactly the neutral text prefilled then: today's neutral text (it is ours, not
 *   the coordinator's, so it follows the figures);
 * - the coordinator's own words: kept as written, with `writtenFor` set when the figures differ
 *   from those it was written for, so the row can say so.
 */
export function reviewedComment(
  saved: string | undefined,
  basis: CommentBasis | undefined,
  now: { figures: string; neutral: string },
): ReviewedComment {
  if (saved === undefined || (basis?.neutral !== undefined && saved === basis.neutral)) return { comment: now.neutral };
  if (saved === now.neutral || basis === undefined || basis.figures === now.figures) return { comment: saved };
  return { comment: saved, writtenFor: basis.figures };
}

/** The published document's content: every text already in Swedish, ready to draw as PDF or HTML. */
const publishedDocumentSchema = z.object({
  title: z.string(),
  facts: z.array(z.object({ label: z.string(), value: z.string() })),
  phase: z.string(),
  summary: z.string(),
  promises: z.array(
    z.object({
      heading: z.string(),
      activities: z.array(
        z.object({
          activityId: z.string(),
          name: z.string(),
          text: z.string(),
          parties: z.string(),
          target: z.string(),
          outcome: z.string(),
          state: stateSchema,
          stateLabel: z.string(),
          /** The approved comment, or a sentence saying there is none. */
          comment: z.string(),
          /** Set when the activity was already described under an earlier promise. */
          seeAlso: z.string().optional(),
        }),
      ),
    }),
  ),
  progressChart: z.array(
    z.object({ label: z.string(), share: z.number().min(0).max(1), text: z.string(), state: stateSchema }),
  ),
  monthChart: z.array(z.object({ label: z.string(), value: z.number().int().min(0), highlighted: z.boolean() })),
  footnote: z.string(),
  author: z.string(),
  /** The last day the figures include. */
  asOf: isoDateSchema,
});
export type PublishedDocument = z.infer<typeof publishedDocumentSchema>;

const tertialKey = {
  agreementId: z.string().min(1).max(100),
  year: z.number().int().min(1900).max(3000),
  tertial: tertialSchema,
};

/** Comments saved with "Spara utkast": one per agreement and tertial, overwritten by the next save. */
export const draftSchema = z.object({
  ...tertialKey,
  comments: commentsSchema,
  basis: commentBasisSchema.optional(),
  savedBy: personSchema,
  savedAt: z.string().datetime(),
});
export type Draft = z.infer<typeof draftSchema>;

export const publicationSchema = z.object({
  id: z.string().min(1),
  ...tertialKey,
  comments: commentsSchema,
  basis: commentBasisSchema.optional(),
  publishedBy: personSchema,
  publishedAt: z.string().datetime(),
  document: publishedDocumentSchema,
});
export type Publication = z.infer<typeof publicationSchema>;

export interface TertialKey {
  agreementId: string;
  year: number;
  tertial: Tertial;
}

export function sameTertial(a: TertialKey, b: TertialKey): boolean {
  return a.agreementId === b.agreementId && a.year === b.year && a.tertial === b.tertial;
}

/**
 * The newest publication of the tertial (the one the public sees), or undefined. Publications are
 * appended in order, so of two made in the same instant the later in the list is the newer.
 */
export function latestPublication(publications: readonly Publication[], key: TertialKey): Publication | undefined {
  return publications
    .filter((p) => sameTertial(p, key))
    .reduce<Publication | undefined>(
      (latest, p) => (!latest || p.publishedAt >= latest.publishedAt ? p : latest),
      undefined,
    );
}

/**
 * True when the published figures no longer match the log: an entry dated up to the published
 * `asOf` was logged or undone after `publishedAt`, or a milestone was marked done after it.
 * ("Ändrad efter publicering": the published version stays until a coordinator publishes again.)
 */
export function changedAfterPublication(
  publication: Pick<Publication, 'agreementId' | 'publishedAt'> & { document: { asOf: IsoDate } },
  entries: readonly Entry[],
  completions: readonly Completion[],
): boolean {
  const at = publication.publishedAt;
  const asOf = publication.document.asOf;
  const entryChanged = entries.some(
    (e) =>
      e.agreementId === publication.agreementId &&
      e.date <= asOf &&
      ((isActive(e) && e.loggedAt > at) || (e.removed !== undefined && e.removed.at > at && e.loggedAt <= at)),
  );
  return entryChanged || completions.some((c) => c.date <= asOf && c.at > at);
}
