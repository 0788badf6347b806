// Which results a results page shows. The two parts of one check-in are saved separately (one
// result each), so a page about one result also shows the other part taken in the same sitting:
// the nearest one within a day. Without an id, the latest of each.
import type { Checkin } from '../../api/checkins';

export const attachmentId = 'attachment';
export const signsId = 'eight-signs';

const sameSittingMs = 24 * 60 * 60 * 1000;

export interface Shown {
  /** The attachment result on show, if any. */
  attachment: Checkin | undefined;
  /** The eight-signs result on show, if any. */
  signs: Checkin | undefined;
  /** All attachment results, newest first. */
  attachmentHistory: Checkin[];
}

const time = (c: Checkin) => Date.parse(c.taken_at);
// Array.prototype.sort is stable: results saved at the same instant keep the server's order.
const newestFirst = (a: Checkin, b: Checkin) => time(b) - time(a);

/** Undefined when `id` is given but is none of these results. */
export function pickResults(all: Checkin[], id?: string): Shown | undefined {
  const attachmentHistory = all.filter((c) => c.questionnaire_id === attachmentId).sort(newestFirst);
  const signsHistory = all.filter((c) => c.questionnaire_id === signsId).sort(newestFirst);
  if (id === undefined) {
    return { attachment: attachmentHistory[0], signs: signsHistory[0], attachmentHistory };
  }
  const chosen = all.find((c) => c.id === id);
  if (!chosen) return undefined;
  if (chosen.questionnaire_id === attachmentId) {
    return { attachment: chosen, signs: nearest(chosen, signsHistory), attachmentHistory };
  }
  if (chosen.questionnaire_id === signsId) {
    return { attachment: nearest(chosen, attachmentHistory), signs: chosen, attachmentHistory };
  }
  return undefined;
}

function nearest(to: Checkin, among: Checkin[]): Checkin | undefined {
  let best: Checkin | undefined;
  let bestGap = Infinity;
  for (const c of among) {
    const gap = Math.abs(time(c) - time(to));
    if (gap <= sameSittingMs && gap < bestGap) {
      best = c;
      bestGap = gap;
    }
  }
  return best;
}

/**
 * The attachment results up to and including `current`, oldest first: the path on the plane.
 * By position in the history (newest first, ties in the server's order), not by comparing
 * times, so two results saved within the same second still both appear.
 */
export function pathTo(current: Checkin, historyNewestFirst: Checkin[]): Checkin[] {
  const at = historyNewestFirst.findIndex((c) => c.id === current.id);
  return at < 0 ? [current] : historyNewestFirst.slice(at).reverse();
}
