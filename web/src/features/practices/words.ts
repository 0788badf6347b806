// The words the practices speak: phase names, lengths, distress. Kept in one place so the
// screens, the live region and the tests say exactly the same thing.
import type { PhaseName } from '../../api/practices';

/** What the pacer says at each phase, shown large and read out once per phase. */
export const phaseWords: Record<PhaseName, string> = {
  in: 'Breathe in',
  'top-up': 'A little more in',
  hold: 'Hold',
  out: 'Breathe out',
};

/** "3, 5 or 10 minutes". */
export function lengthChoices(minutes: readonly number[]): string {
  if (minutes.length === 0) return '';
  if (minutes.length === 1) return minutesText(minutes[0]!);
  const head = minutes.slice(0, -1).join(', ');
  return `${head} or ${minutes[minutes.length - 1]} minutes`;
}

export function minutesText(minutes: number): string {
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** At or above this distress (0–10), the "Need help now" panel is brought forward. */
export const distressHelpThreshold = 9;
