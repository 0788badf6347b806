// The learner's practices, newest first: which, when (in the browser's time zone), for how long,
// and the distress ratings given. Ten at a time; "Show earlier" asks for the page before.
import { useState } from 'preact/hooks';
import { useSession } from '../account/session';
import { spentText } from './after-screen';
import { whenWords } from './history-words';
import { listPracticeSessions, type PracticeSession } from '../../api/practice-sessions';

export const pageSize = 10;

interface RecentSessionsProps {
  first: PracticeSession[];
  nextBefore: string | null;
  /** Practice id → title. */
  titles: Map<string, string>;
  timeZone: string;
}

export function RecentSessions({ first, nextBefore, titles, timeZone }: RecentSessionsProps) {
  const { client } = useSession();
  const [sessions, setSessions] = useState(first);
  const [next, setNext] = useState(nextBefore);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState('');

  async function showEarlier() {
    if (!next) return;
    setLoading(true);
    setProblem('');
    try {
      const page = await listPracticeSessions({ before: next, limit: pageSize }, client);
      setSessions((shown) => [...shown, ...page.sessions.filter((s) => !shown.some((o) => o.id === s.id))]);
      setNext(page.next_before);
    } catch {
      setProblem('We couldn’t fetch earlier practices just now. Please check your connection and try again.');
    } finally {
      setLoading(false);
    }
  }

  return (
    <>
      <ol class="history-sessions">
        {sessions.map((session) => (
          <li key={session.id} class="history-session">
            <span class="history-session-title">{titles.get(session.practice_id) ?? 'A practice'}</span>
            <span class="history-session-meta">
              {whenWords(session.started_at, timeZone)} · {spentText(session.duration_seconds * 1000)}
              {ratingWords(session)}
            </span>
          </li>
        ))}
      </ol>
      {problem ? (
        <p role="alert" class="practice-care">
          {problem}
        </p>
      ) : null}
      {next ? (
        <button type="button" class="form-secondary" onClick={() => void showEarlier()} disabled={loading}>
          {loading ? 'Fetching earlier practices…' : 'Show earlier practices'}
        </button>
      ) : null}
    </>
  );
}

/** " · distress 6, then 3", " · distress 6 before", " · distress 3 after", or nothing. */
export function ratingWords(session: Pick<PracticeSession, 'distress_before' | 'distress_after'>): string {
  const before = session.distress_before;
  const after = session.distress_after;
  if (before !== null && after !== null) return ` · distress ${before}, then ${after}`;
  if (before !== null) return ` · distress ${before} before`;
  if (after !== null) return ` · distress ${after} after`;
  return '';
}
