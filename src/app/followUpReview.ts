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
import { followUpCard, publishedOnText } from '../views/followUpCard.js';
import { commentBases, commentInputId, followUpReviewCard, type ReviewState } from '../views/followUpReviewCard.js';
import { followUpTitle } from '../views/followUpTexts.js';
import { COORDINATOR_ONLY, isCoordinator, personOf, type Turn } from './context.js';
import { card, replaceCard, text, type Reply } from './ports.js';
import { personalDataRefusal } from './recordEntry.js';

const NOTHING_PUBLISHED = 'Inget har publicerats eller sparats.';

export const REVIEW_IN_PERSONAL_CHAT =
  'Granska och publicera uppföljningen i en personlig chatt med mig: där visas anteckningarna bara för dig.';

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
  return `${publishedOnText(publication).replace(/\.$/u, '')} av ${publication.publishedBy.name}.`;
}

/** The coordinator's review card for a started tertial, with the saved draft's comments if any. */
export async function reviewReply(turn: Turn, agreement: Agreement, f: FollowUp): Promise<Reply> {
  return card(await reviewCard(turn, agreement, f), `${followUpTitle(f)}: utkast att granska.`);
}

async function reviewCard(turn: Turn, agreement: Agreement, f: FollowUp, statusLine?: string): Promise<AdaptiveCard> {
  const key = keyOf(agreement, f.ref);
  const publications = turn.deps.port.publications;
  const published = await publications.latest(key);
  const draft = await publications.draft(key);
  const state: ReviewState = {
    comments: draft?.comments,
    basis: draft ? basisOf(draft, published) : undefined,
    statusLine:
      statusLine ?? (published ? publishedStatus(published) : 'Utkast: inte publicerat. Ingen annan ser något ännu.'),
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
  if (!published) {
    const who = coordinator
      ? REVIEW_IN_PERSONAL_CHAT
      : 'En samordnare granskar och publicerar uppföljningen; fråga igen senare.';
    return [text(`Uppföljningen för tertial ${ref.tertial} ${ref.year} är inte publicerad än. ${who}`)];
  }
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

/** "Publicera" and "Spara utkast" on the review card. */
export async function reviewAction(turn: Turn, value: unknown): Promise<Reply[]> {
  const parsed = reviewSubmitSchema.safeParse(value);
  if (!parsed.success)
    return [text(`Kortet skickade något jag inte kan läsa. Skriv /uppföljning igen. ${NOTHING_PUBLISHED}`)];
  if (!(await isCoordinator(turn))) return [text(COORDINATOR_ONLY)];
  if (turn.input.conversation.kind !== 'personal') return [text(`${REVIEW_IN_PERSONAL_CHAT} ${NOTHING_PUBLISHED}`)];
  const submit = parsed.data;
  // Only the conversation's area's agreements: a payload naming another area's finds nothing.
  const store = turn.records;
  const { publications } = turn.deps.port;
  const agreement = await store.agreement(submit.agreementId);
  const ref: TertialRef = { year: submit.year, tertial: submit.tertial };
  const phase = agreement ? tertialPhase(agreement, ref, turn.today) : 'outside';
  if (!agreement || phase === 'outside' || phase === 'future') {
    return [text(`Tertialen finns inte längre i något medborgarlöfte. ${NOTHING_PUBLISHED}`)];
  }

  const comments: Comments = {};
  for (const activity of agreement.activities) {
    const typed = (submit as Record<string, unknown>)[commentInputId(activity.id)];
    const comment = typeof typed === 'string' ? typed.trim() : '';
    if (comment.length > MAX_COMMENT_LENGTH) {
      return [
        text(
          `Kommentaren till ${activity.name} är ${comment.length.toLocaleString('sv-SE')} tecken; högst ${MAX_COMMENT_LENGTH.toLocaleString('sv-SE')} får plats. Korta den och tryck igen. ${NOTHING_PUBLISHED}`,
        ),
      ];
    }
    comments[activity.id] = comment;
  }
  const personal = personalDataRefusal(...Object.values(comments));
  if (personal) return [text(personal.replace('Inget har sparats.', NOTHING_PUBLISHED))];

  const key = keyOf(agreement, ref);
  const f = followUp(
    agreement,
    await store.entries(agreement.id),
    await store.completions(agreement.id),
    ref,
    turn.today,
  );
  const by = personOf(turn);
  const at = turn.now.toISOString();
  if (submit.verb === 'followUp.draft') {
    await publications.saveDraft({ ...key, comments, basis: commentBases(f), savedBy: by, savedAt: at });
    turn.log.info({ ...key }, 'follow-up draft saved');
    const published = (await publications.latest(key)) !== undefined;
    const shown = await reviewCard(turn, agreement, f, draftSavedText(turn.now, published));
    return [replaceCard(shown, 'Utkastet är sparat.')];
  }
  const made = publicationOf(f, comments, by, turn.now, turn.deps.newId());
  const publication = await publications.publish(
    made,
    turnAuditRecord(turn, {
      action: 'publication.published',
      agreementId: agreement.id,
      detail: `T${ref.tertial} ${ref.year} (${made.id})`,
    }),
  );
  turn.log.info({ ...key, publicationId: publication.id }, 'follow-up published');
  return [
    replaceCard(await reviewCard(turn, agreement, f), `Publicerad: ${publication.document.title}.`),
    text(
      `Publicerad. PDF:en, webbsidan och den publika sidan visar nu tertial ${ref.tertial} ${ref.year} med dina kommentarer. Publicera igen när du vill uppdatera den.`,
    ),
  ];
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
  return `Utkastet sparades ${formatSwedishDate(stockholmDate(now))} kl. ${time}. ${published ? 'Den publicerade versionen är oförändrad tills du publicerar igen.' : 'Inget är publicerat ännu.'}`;
}
