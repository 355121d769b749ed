// One activity as the status and summary cards show it: name, a detail line, "N av M", the
// status in its colour, and the progress bar. Both templates bind this same shape.
import type { ActivityStatus } from '../domain/status.js';
import { progressBar, type ProgressBarData } from './progressBar.js';
import { STATUS_COLOR, STATUS_LABEL, STATUS_MARK, progressText } from './texts.js';

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
    progress: progressText(status.progress),
    label: STATUS_LABEL[status.status],
    mark: STATUS_MARK[status.status],
    color: STATUS_COLOR[status.status],
    bar: progressBar(status.progress, status.status),
  };
}

/** Rows grouped under their promise again after paging: a promise split over two pages shows on both. */
export function regroup<P, R>(rows: readonly { promise: P; row: R }[]): { promise: P; rows: R[] }[] {
  const groups: { promise: P; rows: R[] }[] = [];
  for (const { promise, row } of rows) {
    const last = groups[groups.length - 1];
    if (last && last.promise === promise) last.rows.push(row);
    else groups.push({ promise, rows: [row] });
  }
  return groups;
}
