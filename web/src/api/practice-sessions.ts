// Recorded practice sessions and what they add up to (DESIGN.md §8, issue #7). A signed-in
// learner's own; docs/api/practices.md has the rules.
//
//   POST /api/v1/practice-sessions {id, practice_id, started_at, duration_seconds,
//                                   distress_before, distress_after}
//        → 201 PracticeSession when new; 200 the same PracticeSession when this id was recorded
//          before with the same contents (an offline queue may send twice: it counts once);
//          409 `practice-session-conflict` when the id was used for a different session;
//          400 `invalid-argument` with errors [{field, message}] for each field refused;
//          401 without a session
//   GET  /api/v1/practice-sessions?before=&limit=   → PracticeSessionPage, newest first
//   GET  /api/v1/practice-stats?tz=&weeks=          → PracticeStatsReport
//
// For a queue: 400 and 409 will never succeed as sent (let them go); 401 needs a sign-in; a
// network failure (status 0), 429 and 5xx are worth sending again later with the same id.
import type { ApiClient, RequestOptions } from './client';
import { newIdempotencyKey } from './checkins';
import { defaultClient } from './default-client';
import { problemType } from './problem';

type Options = Pick<RequestOptions, 'signal'>;

const base = '/api/v1';

/** The problem type of an id already used for a different session. */
export const practiceSessionConflictType = problemType('practice-session-conflict');

/** One finished practice as the app sends it. */
export interface NewPracticeSession {
  /** A UUID made by the app (newPracticeSessionId), kept while the session waits to be sent. */
  id: string;
  /** A practice of the catalogue (api/practices.ts). */
  practice_id: string;
  /** RFC 3339 UTC, whole seconds; not in the future, not more than 366 days ago. */
  started_at: string;
  /** 1–14400, and started_at + duration not in the future. */
  duration_seconds: number;
  /** 0–10; null (or left out) when the learner skipped the question. */
  distress_before?: number | null;
  distress_after?: number | null;
}

export interface PracticeSession {
  /** Lower case. */
  id: string;
  practice_id: string;
  started_at: string;
  duration_seconds: number;
  distress_before: number | null;
  distress_after: number | null;
  /** When the server first stored it (RFC 3339 UTC). */
  recorded_at: string;
}

export interface PracticeSessionPage {
  /** Newest first: by started_at, then id. */
  sessions: PracticeSession[];
  /** Pass as `before` for the next page; null when there is no more. */
  next_before: string | null;
}

export interface WeekStats {
  /** The Monday that begins the week, YYYY-MM-DD, in the report's time zone. */
  start: string;
  sessions: number;
  /** Seconds ÷ 60, to one decimal. */
  minutes: number;
}

export interface DistressChange {
  /** Sessions rated both before and after. */
  n: number;
  /** Mean of (after − before), one decimal; null while n < 3. Negative means calmer. */
  mean_change: number | null;
}

export interface PracticeStats {
  practice_id: string;
  /** The catalogue's title; the id for a practice no longer in the catalogue. */
  title: string;
  sessions: number;
  minutes: number;
  distress: DistressChange;
}

export interface PracticeStatsReport {
  time_zone: string;
  /** Exactly `weeks` entries, oldest first, ending with the current week; empty weeks included. */
  weeks: WeekStats[];
  /** Over all time: most sessions first, then by id. */
  practices: PracticeStats[];
  totals: {
    sessions: number;
    minutes: number;
    /** Over every practice: mean distress before and after, one decimal; null while n < 3. */
    distress: { n: number; mean_before: number | null; mean_after: number | null };
  };
}

/** A new session id: a random (version 4) UUID. */
export function newPracticeSessionId(random?: (bytes: Uint8Array) => Uint8Array): string {
  return newIdempotencyKey(random);
}

/** Records one session; sending it again unchanged is safe and answers the same session. */
export function recordPracticeSession(
  session: NewPracticeSession,
  client: ApiClient = defaultClient(),
  options: Options = {},
) {
  return client.post<PracticeSession>(`${base}/practice-sessions`, session, options);
}

/** One page of the learner's sessions; `limit` 1–100 (default 50). */
export function listPracticeSessions(
  query: { before?: string | null; limit?: number } = {},
  client: ApiClient = defaultClient(),
  options: Options = {},
) {
  return client.get<PracticeSessionPage>(`${base}/practice-sessions`, { ...options, query });
}

/** Weeks (1–52, default 12) in `tz` (an IANA zone; default the learner's profile zone). */
export function getPracticeStats(
  query: { tz?: string; weeks?: number } = {},
  client: ApiClient = defaultClient(),
  options: Options = {},
) {
  return client.get<PracticeStatsReport>(`${base}/practice-stats`, { ...options, query });
}
