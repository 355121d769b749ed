// One activity as the status and summary cards show it: name, a detail line, "N av M", the
// status in its colour, and the progress bar. Both templates bind this same shape.
import type { ActivityStatus } from '../domain/status.js';
import { progressBar, type ProgressBarData } from './progressBar.js';
import { statusCardColor, statusMark, statusWord } from './statusWords.js';
import { progressText } from './texts.js';

export interface ActivityRowData {
  name: string;
  detail: string;
  progress: string;
  label: string;
  mark: string;
  color: string;
  bar: ProgressBarData;
}

export function activityRow(status: ActivityStatus, detail: string): ActivityRowData {
  return {
    name: status.activity.name,
    detail,
    // A milestone's "inte påbörjad" is the status word itself: said once, beside the mark
    // ("genomförd 15 juni 2020" stays for its date).
    progress: progressText(status.progress) === statusWord(status.status) ? '' : progressText(status.progress),
    label: statusWord(status.status),
    mark: statusMark(status.status),
    color: statusCardColor(status.status),
    bar: progressBar(status.progress, status.status),
  };
}
