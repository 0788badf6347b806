// A finished practice as the server records it: the player's result plus an id made here, once
// per finished session, so sending it again (after a lost answer, or from the offline queue) is
// recognised by the server as the same session and counted once.
import type { PracticeResult } from './practice-player';
import type { NewPracticeSession } from '../../api/practice-sessions';

/** The longest session the server accepts, in seconds (four hours). */
export const maxDurationSeconds = 14_400;

/**
 * The body for POST /api/v1/practice-sessions, or undefined when there is nothing worth keeping
 * (ended before a whole second had passed: the server would refuse a duration of 0).
 */
export function toSessionBody(result: PracticeResult, id: string): NewPracticeSession | undefined {
  const seconds = Math.round(result.duration_seconds);
  if (!(seconds >= 1)) return undefined;
  return {
    id,
    practice_id: result.practice_id,
    started_at: wholeSecondUtc(result.started_at),
    duration_seconds: Math.min(seconds, maxDurationSeconds),
    distress_before: result.distress_before ?? null,
    distress_after: result.distress_after ?? null,
  };
}

/** "2026-03-30T08:00:00.123Z" → "2026-03-30T08:00:00Z": plain RFC 3339, as the API writes it. */
function wholeSecondUtc(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return date.toISOString().replace(/\.\d+Z$/, 'Z');
}
