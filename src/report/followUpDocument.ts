// The published follow-up as plain text and figures, laid out once and then drawn as PDF or HTML.
// It names no one: the people who logged appear only as a count. Notes are condensed and any
// personal identity number in them is blacked out (domain/notes.ts).
import { formatSwedishDate } from '../domain/calendar.js';
import type { FollowUp, FollowUpState } from '../domain/followUp.js';
import {
  FOLLOW_UP_LABEL,
  contributorsText,
  followUpTitle,
  monthAbbreviation,
  outcomeText,
  partiesText,
  phaseText,
  placesText,
  followUpShare,
  rangeText,
  shareText,
  summaryText,
  targetText,
} from '../views/followUpTexts.js';
import { periodText } from '../views/texts.js';

interface DocumentActivity {
  name: string;
  text: string;
  parties: string;
  target: string;
  outcome: string;
  state: FollowUpState;
  stateLabel: string;
  comment: string;
}

export interface FollowUpDocument {
  title: string;
  facts: { label: string; value: string }[];
  phase: string;
  summary: string;
  promises: { heading: string; activities: DocumentActivity[] }[];
  progressChart: { label: string; share: number; text: string; state: FollowUpState }[];
  monthChart: { label: string; value: number; highlighted: boolean }[];
  footnote: string;
  /** For the document's metadata. */
  author: string;
  generatedAt: Date;
}

/** Notes per activity in the document. */
const NOTES_SHOWN = 5;

export function followUpDocument(f: FollowUp, generatedAt: Date, generatedOn: string): FollowUpDocument {
  const { agreement } = f;
  return {
    title: followUpTitle(f),
    facts: [
      { label: 'Parter', value: `${partiesText(agreement.parties)} (${agreement.policeArea})` },
      { label: 'Medborgarlöfte', value: `${agreement.title}, ${periodText(agreement)}` },
      { label: 'Tertial', value: `Tertial ${f.ref.tertial} ${f.ref.year}: ${rangeText(f.range)}` },
      { label: 'Uttaget', value: formatSwedishDate(generatedOn) },
    ],
    phase: phaseText(f),
    summary: summaryText(f),
    promises: f.promises.map((p, i) => ({
      heading: `Löfte ${i + 1}: ${p.promise.text}`,
      activities: p.activities.map((a) => {
        const notes = a.notes.slice(0, NOTES_SHOWN);
        const more = a.notes.length > NOTES_SHOWN ? ` (och ${a.notes.length - NOTES_SHOWN} anteckningar till)` : '';
        const comment = [
          notes.length > 0 ? `${notes.map((n) => `”${n}”`).join(' ')}${more}` : '',
          a.places.length > 0 ? `Platser: ${placesText(a.places, 6)}` : '',
          contributorsText(a.tertial.contributors),
        ]
          .filter(Boolean)
          .join(' · ');
        return {
          name: a.activity.name,
          text: a.activity.text,
          parties: partiesText(a.activity.parties),
          target: targetText(a.activity),
          outcome: outcomeText(a),
          state: a.state,
          stateLabel: FOLLOW_UP_LABEL[a.state],
          comment: comment || 'Inget att kommentera från loggen.',
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
      'Anteckningarna är förkortade, och namn på dem som loggat visas inte.',
    author: partiesText(agreement.parties),
    generatedAt,
  };
}
