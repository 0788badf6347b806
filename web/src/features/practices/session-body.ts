// A finished practice as the server records it: the player's result plus an id made here, once
// per finished session, so sending it again (after a lost answer, or from the offline queue) is
// recognised by the server as the same session and counted once.
import type { PracticeResult } from './practice-player';
import type { NewPracticeSession } from './sessions-api';

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

/**
 * A random (version 4) UUID. crypto.randomUUID needs a secure context; a server reached over
 * plain http on a home network is not one, so fall back to getRandomValues, which works anywhere.
 */
export function newSessionId(): string {
  if (typeof crypto.randomUUID === 'function') {
    try {
      return crypto.randomUUID();
    } catch {
      // Not a secure context: below.
    }
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
