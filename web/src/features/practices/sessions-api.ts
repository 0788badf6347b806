// Stand-in for web/src/api/practice-sessions.ts (being written alongside): the three calls the
// practice history needs, written against the fixed contract (issue #7). Replaced by that module
// once it lands; nothing here holds a rule, only the shapes and paths.
import type { ApiClient, RequestOptions } from '../../api/client';

type Options = Pick<RequestOptions, 'signal'>;

/** POST /api/v1/practice-sessions: one finished practice, with an id the client made. */
export interface NewPracticeSession {
  id: string;
  practice_id: string;
  /** RFC 3339 UTC. */
  started_at: string;
  /** 1–14400. */
  duration_seconds: number;
  distress_before: number | null;
  distress_after: number | null;
}

export interface PracticeSession extends NewPracticeSession {
  recorded_at: string;
}

export interface PracticeSessionPage {
  sessions: PracticeSession[];
  next_before: string | null;
}

export interface WeekStats {
  /** The Monday that starts the week, YYYY-MM-DD, in the asked time zone. */
  start: string;
  sessions: number;
  minutes: number;
}

export interface PracticeStats {
  practice_id: string;
  title: string;
  sessions: number;
  minutes: number;
  /** mean_change is null while n < 3. */
  distress: { n: number; mean_change: number | null };
}

export interface PracticeStatsReport {
  time_zone: string;
  /** Oldest first. */
  weeks: WeekStats[];
  practices: PracticeStats[];
  totals: { sessions: number; minutes: number };
}

export function recordPracticeSession(session: NewPracticeSession, client: ApiClient, options: Options = {}) {
  return client.post<PracticeSession>('/api/v1/practice-sessions', session, options);
}

export function listPracticeSessions(
  query: { before?: string; limit?: number },
  client: ApiClient,
  options: Options = {},
) {
  return client.get<PracticeSessionPage>('/api/v1/practice-sessions', { ...options, query });
}

export function getPracticeStats(query: { tz: string; weeks?: number }, client: ApiClient, options: Options = {}) {
  return client.get<PracticeStatsReport>('/api/v1/practice-stats', { ...options, query });
}
