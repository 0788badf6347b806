// The words of the practice history: counts, minutes, dates and the change in distress. Plain,
// warm and never about what was not done; kept in one place so the screens and tests agree.

/** "1 time", "4 times". */
export function timesWords(count: number): string {
  return count === 1 ? '1 time' : `${count} times`;
}

/** "under a minute" (some practice, less than a minute), "1 minute", "23 minutes". */
export function minutesWords(minutes: number): string {
  if (minutes > 0 && minutes < 0.5) return 'under a minute';
  const whole = Math.round(minutes);
  return whole === 1 ? '1 minute' : `${whole} minutes`;
}

/** A week's Monday ("2026-03-02") as "2 March". */
export function weekWords(start: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(start);
  if (!match) return start;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(date);
}

/** An instant as "Tuesday 3 March, 14:05" in the given zone (the browser's when it is wrong). */
export function whenWords(instant: string, timeZone: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  };
  try {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en-GB', options).format(date);
  }
}

/** "1.5", "2", "0.3": one decimal at most. */
export function pointsNumber(value: number): string {
  const rounded = Math.round(Math.abs(value) * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/** Ratings before and after needed before a mean change is shown (the server's rule, echoed). */
export const ratedNeeded = 3;

/**
 * What a practice tends to do to the learner's distress. `meanChange` is after minus before,
 * averaged over the `rated` sessions with both ratings; null until there are enough of them.
 */
export function changeWords(meanChange: number | null, rated: number): string {
  if (meanChange === null || rated < ratedNeeded) {
    const soFar = rated > 0 ? ` So far: ${rated}.` : '';
    return `How this practice changes your distress will show here after ${ratedNeeded} practices rated before and after.${soFar}`;
  }
  const over = `across ${rated} practices you rated before and after`;
  if (Math.abs(meanChange) < 0.25) return `On average your distress stayed about the same, ${over}.`;
  const size = pointsNumber(meanChange);
  const points = size === '1' ? 'point' : 'points';
  if (meanChange < 0) return `On average your distress went down by ${size} ${points} out of 10, ${over}.`;
  return `On average your distress went up by ${size} ${points} out of 10, ${over}. Some practices stir feelings before they settle; notice what suits you.`;
}

/** The browser's IANA time zone, for the weekly totals; UTC if it cannot say. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
