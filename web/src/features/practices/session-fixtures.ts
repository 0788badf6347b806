// Practice sessions and stats as the server sends them, for the unit tests.
import type { NewPracticeSession, PracticeSession, PracticeStatsReport } from '../../api/practice-sessions';

let counter = 0;

export function sessionBody(overrides: Partial<NewPracticeSession> = {}): Required<NewPracticeSession> {
  counter += 1;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    practice_id: 'box-breathing',
    started_at: '2026-03-30T08:00:00Z',
    duration_seconds: 180,
    distress_before: 6,
    distress_after: 3,
    ...overrides,
  };
}

export function recordedSession(overrides: Partial<PracticeSession> = {}): PracticeSession {
  return { ...sessionBody(), recorded_at: '2026-03-30T08:03:01Z', ...overrides };
}

/** Twelve weeks ending with the week of 23 March 2026; practice in three of them. */
export function statsReport(overrides: Partial<PracticeStatsReport> = {}): PracticeStatsReport {
  const weeks = Array.from({ length: 12 }, (_, i) => {
    const date = new Date(Date.UTC(2026, 0, 5 + 7 * i));
    return { start: date.toISOString().slice(0, 10), sessions: 0, minutes: 0 };
  });
  weeks[3] = { ...weeks[3]!, sessions: 2, minutes: 8 };
  weeks[9] = { ...weeks[9]!, sessions: 1, minutes: 0.4 };
  weeks[11] = { ...weeks[11]!, sessions: 3, minutes: 15 };
  return {
    time_zone: 'Europe/London',
    weeks,
    practices: [
      {
        practice_id: 'box-breathing',
        title: 'Box breathing',
        sessions: 4,
        minutes: 18,
        distress: { n: 3, mean_change: -1.5 },
      },
      {
        practice_id: 'grounding-54321',
        title: 'Grounding through the five senses',
        sessions: 2,
        minutes: 5.4,
        distress: { n: 1, mean_change: null },
      },
    ],
    totals: { sessions: 6, minutes: 23.4, distress: { n: 3, mean_before: 5.7, mean_after: 4 } },
    ...overrides,
  };
}
