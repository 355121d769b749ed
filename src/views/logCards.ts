import type { Activity, Agreement, IsoDate } from '../domain/agreement.js';
import { expandCard, type AdaptiveCard } from './cards.js';

/** What a click on the ambiguity card sends back: everything needed to log without asking again. */
export interface ChoiceSubmit {
  verb: 'log.choose';
  requestId: string;
  agreementId: string;
  activityId: string;
  date: IsoDate;
  place?: string;
  count: number;
  hours?: number;
  note?: string;
}

export interface ChooseActivityCardData {
  question: string;
  details: string;
  candidates: { name: string; text: string; buttonTitle: string; submit: ChoiceSubmit }[];
}

export function chooseActivityCard(data: ChooseActivityCardData): AdaptiveCard {
  return expandCard('choose-activity', data);
}

export function candidatesFor(activities: readonly Activity[], base: Omit<ChoiceSubmit, 'activityId' | 'verb'>): ChooseActivityCardData['candidates'] {
  return activities.map((activity) => ({
    name: activity.name,
    text: activity.text,
    buttonTitle: `Logga ${activity.name.toLowerCase()}`,
    submit: { verb: 'log.choose', ...base, activityId: activity.id },
  }));
}

export interface LogFormCardData {
  agreementTitle: string;
  error: string;
  activityId: string;
  choices: { title: string; value: string }[];
  date: IsoDate;
  today: IsoDate;
  placeHint: string;
  place: string;
  count: number;
  note: string;
  formId: string;
}

export interface LogFormPrefill {
  activityId?: string;
  date?: IsoDate;
  place?: string;
  count?: number;
  note?: string;
  error?: string;
}

export function logFormCardData(agreement: Agreement, today: IsoDate, formId: string, prefill: LogFormPrefill = {}): LogFormCardData {
  // Grouped by promise: the choice titles carry the promise's number, in the agreement's order.
  const choices = agreement.promises.flatMap((promise, i) =>
    agreement.activities
      .filter((a) => a.promiseIds[0] === promise.id)
      .map((a) => ({ title: `${i + 1}. ${a.name}`, value: a.id })),
  );
  const places = [...new Set(agreement.activities.flatMap((a) => a.places))];
  return {
    agreementTitle: agreement.title,
    error: prefill.error ?? '',
    activityId: prefill.activityId ?? '',
    choices,
    date: prefill.date ?? today,
    today,
    placeHint: places.length > 0 ? `t.ex. ${places.slice(0, 3).join(', ')}` : 'Plats',
    place: prefill.place ?? '',
    count: prefill.count ?? 1,
    note: prefill.note ?? '',
    formId,
  };
}

export function logFormCard(data: LogFormCardData): AdaptiveCard {
  return expandCard('log-form', data);
}
