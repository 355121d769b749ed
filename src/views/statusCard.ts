import { formatSwedishDate } from '../domain/calendar.js';
import type { AgreementStatus } from '../domain/status.js';
import { expandCard, type AdaptiveCard } from './cards.js';
import { STATUS_COLOR, STATUS_LABEL, STATUS_MARK, periodText, progressText } from './texts.js';

/** The data bound into cards/status.json. */
export interface StatusCardData {
  title: string;
  subtitle: string;
  phaseText: string;
  promises: {
    text: string;
    activities: { name: string; detail: string; progress: string; label: string; mark: string; color: string }[];
  }[];
}

export function statusCardData(status: AgreementStatus): StatusCardData {
  const { agreement } = status;
  const phaseText =
    status.phase === 'past'
      ? `Perioden är slut: slutläge per ${formatSwedishDate(status.asOf)}.`
      : status.phase === 'future'
        ? `Perioden har inte börjat än.`
        : `Läge ${formatSwedishDate(status.today)}.`;
  return {
    title: agreement.title,
    subtitle: `${agreement.parties.join(' och ')} · ${periodText(agreement)}`,
    phaseText,
    promises: status.promises.map((p) => ({
      text: p.promise.text,
      activities: p.activities.map((a) => ({
        name: a.activity.name,
        detail: a.lastEntryDate ? `Senast loggad ${formatSwedishDate(a.lastEntryDate)}` : 'Inget loggat än',
        progress: progressText(a.progress),
        label: STATUS_LABEL[a.status],
        mark: STATUS_MARK[a.status],
        color: STATUS_COLOR[a.status],
      })),
    })),
  };
}

export function statusCard(status: AgreementStatus): AdaptiveCard {
  return expandCard('status', statusCardData(status));
}
