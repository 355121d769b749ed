// The coordinator's tertial notices: two weeks before a tertial ends, what is behind plan (with who
// is responsible); after it ends, "Dags att granska uppföljningen T2 2020" with the review button.
import type { ActivityStatus } from '../domain/status.js';
import type { TertialNotice } from '../domain/tertialNotices.js';
import { formatSwedishDate } from '../domain/calendar.js';
import { expandCard, type AdaptiveCard } from './cards.js';
import { statusCardColor, statusMark, statusWord } from './statusWords.js';
import { progressText } from './texts.js';

export interface TertialNoticeInput {
  notice: TertialNotice;
  agreementTitle: string;
  /** Behind plan (closing notice), farthest first, each with its responsible people's names. */
  behind: readonly { status: ActivityStatus; responsible: readonly string[] }[];
}

function heading(notice: TertialNotice): string {
  const name = `T${notice.tertial} ${notice.year}`;
  return notice.kind === 'ended'
    ? `Dags att granska uppföljningen ${name}`
    : `Två veckor kvar av ${name} (slutar ${formatSwedishDate(notice.end)})`;
}

export function tertialNoticeCard(input: TertialNoticeInput): AdaptiveCard {
  const { notice } = input;
  const ended = notice.kind === 'ended';
  return expandCard('tertial-notice', {
    title: heading(notice),
    intro: ended
      ? `Tertialen är slut. Granska utkastet till uppföljningen av ${input.agreementTitle}, kommentera och publicera.`
      : input.behind.length > 0
        ? `Efter plan i ${input.agreementTitle} (${input.behind.length}):`
        : `Inget är efter plan i ${input.agreementTitle}.`,
    lines: ended
      ? []
      : input.behind.map((b) => ({
          mark: statusMark(b.status.status),
          text: `${b.status.activity.name}: ${progressText(b.status.progress)}, ${statusWord(b.status.status)}${b.responsible.length > 0 ? ` – ansvarig: ${b.responsible.join(', ')}` : ' – ingen ansvarig'}`,
          color: statusCardColor(b.status.status),
        })),
    buttons: ended
      ? [
          {
            title: 'Granska uppföljningen',
            submit: { verb: 'followUp.open', year: notice.year, tertial: notice.tertial },
          },
        ]
      : [{ title: 'Visa status', submit: { verb: 'command', command: 'status' } }],
  });
}

/** The notice as plain text (the notification, clients without cards). */
export function tertialNoticeText(input: TertialNoticeInput): string {
  if (input.notice.kind === 'ended') return `${heading(input.notice)}.`;
  const behind = input.behind.map((b) => `${b.status.activity.name} (${statusWord(b.status.status)})`).join(', ');
  return `${heading(input.notice)}. ${behind ? `Efter plan: ${behind}.` : 'Inget är efter plan.'}`;
}
