// The follow-up as it gets published: plain text and figures, laid out once and then stored as the
// publication's snapshot and drawn as PDF or HTML. It carries the comments a coordinator approved
// and nothing else written by users: no notes, no names (people appear only as a count).
import { formatSwedishDate } from '../domain/calendar.js';
import type { FollowUp } from '../domain/followUp.js';
import type { Comments, PublishedDocument } from '../domain/publication.js';
import {
  followUpTitle,
  monthAbbreviation,
  outcomeText,
  partiesText,
  phaseText,
  followUpShare,
  rangeText,
  shareText,
  summaryText,
  targetText,
} from './followUpTexts.js';
import { statusWord } from './statusWords.js';
import { periodText } from './texts.js';

/** The published document's type: the stored snapshot (see domain/publication.ts). */
export type FollowUpDocument = PublishedDocument;

const NO_COMMENT = 'Ingen kommentar.';

/**
 * The document for `f` with `comments` (activity id → approved text) as each activity's comment.
 * `publishedOn` is the Stockholm day of publication. An activity that serves two promises is
 * described under the first and referred to under the second.
 */
export function followUpDocument(f: FollowUp, comments: Comments, publishedOn: string): FollowUpDocument {
  const { agreement } = f;
  const firstHeading = new Map<string, number>();
  return {
    title: followUpTitle(f),
    facts: [
      { label: 'Parter', value: `${partiesText(agreement.parties)} (${agreement.policeArea})` },
      { label: 'Medborgarlöfte', value: `${agreement.title}, ${periodText(agreement)}` },
      { label: 'Tertial', value: `Tertial ${f.ref.tertial} ${f.ref.year}: ${rangeText(f.range)}` },
      { label: 'Publicerad', value: formatSwedishDate(publishedOn) },
    ],
    phase: phaseText(f),
    summary: summaryText(f),
    promises: f.promises.map((p, i) => ({
      heading: `Löfte ${i + 1}: ${p.promise.text}`,
      activities: p.activities.map((a) => {
        const earlier = firstHeading.get(a.activity.id);
        if (earlier === undefined) firstHeading.set(a.activity.id, i + 1);
        return {
          activityId: a.activity.id,
          name: a.activity.name,
          text: a.activity.text,
          parties: partiesText(a.activity.parties),
          target: targetText(a.activity),
          outcome: outcomeText(a),
          state: a.state,
          stateLabel: statusWord(a.state),
          comment: comments[a.activity.id]?.trim() || NO_COMMENT,
          ...(earlier !== undefined ? { seeAlso: `Beskrivs under löfte ${earlier}.` } : {}),
        };
      }),
    })),
    progressChart: f.activities.map((a) => ({
      label: a.activity.name,
      share: followUpShare(a),
      text: shareText(a),
      state: a.state,
    })),
    monthChart: f.months.map((m) => ({
      label: monthAbbreviation(m.month),
      value: m.entries,
      highlighted: m.inTertial,
    })),
    footnote:
      'Underlaget är de insatser som loggats i medborgarlöftesboten. "Hittills" räknas från medborgarlöftets start till tertialens slut. ' +
      'Kommentarerna är skrivna och granskade av samordnarna; namn på dem som loggat visas inte.',
    author: partiesText(agreement.parties),
    asOf: f.asOf,
  };
}
