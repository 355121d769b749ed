// A progress bar an Adaptive Card can draw everywhere: two columns whose width weights are the
// done and the remaining share, coloured by status. Teams' chart elements would need a fallback
// for every other host (the Playground, the Emulator, Outlook); weighted columns need none.
import type { Progress, StatusCode } from '../domain/status.js';
import { statusBarStyle, type BarStyle } from './statusWords.js';

/** What cards/*.json bind for a bar: `filled` + `empty` = 100; a part of 0 is left out. */
export interface ProgressBarData {
  show: boolean;
  filled: number;
  empty: number;
  style: BarStyle;
}

/** The share done, in [0, 1]; undefined for open-ended work, which has nothing to measure against. */
export function progressShare(progress: Progress): number | undefined {
  switch (progress.kind) {
    case 'count':
      return Math.min(1, progress.done / progress.target);
    case 'recurring':
      return progress.due === 0 ? (progress.covered > 0 ? 1 : 0) : Math.min(1, progress.covered / progress.due);
    case 'milestone':
      return progress.state === 'done' ? 1 : progress.state === 'inProgress' ? 0.5 : 0;
    case 'ongoing':
      return undefined;
  }
}

export function progressBar(progress: Progress, status: StatusCode): ProgressBarData {
  const share = progressShare(progress);
  if (share === undefined) return { show: false, filled: 0, empty: 100, style: statusBarStyle(status) };
  // Whole percent, and never a sliver that rounds a real start away or a gap that hides the end.
  let filled = Math.round(share * 100);
  if (share > 0 && filled === 0) filled = 1;
  if (share < 1 && filled === 100) filled = 99;
  return { show: true, filled, empty: 100 - filled, style: statusBarStyle(status) };
}
