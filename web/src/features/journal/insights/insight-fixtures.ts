// Insights as the server sends them, for the unit tests: twelve weeks from 5 January 2026, with
// fourteen trigger logs, most of them in the evening.
import type { InsightWeek, JournalInsights } from '../../../api/journal';

function week(start: string, activated = 0, shutDown = 0, settled = 0, unknown = 0): InsightWeek {
  return {
    week_start: start,
    count: activated + shutDown + settled + unknown,
    states: { activated, shut_down: shutDown, settled, unknown },
    signs: {},
  };
}

export function readyInsights(overrides: Partial<JournalInsights> = {}): JournalInsights {
  return {
    trigger_count: 14,
    minimum: 5,
    ready: true,
    weeks: [
      week('2026-01-05'),
      week('2026-01-12', 1),
      week('2026-01-19'),
      week('2026-01-26', 2, 1),
      week('2026-02-02'),
      week('2026-02-09', 1, 0, 1),
      week('2026-02-16'),
      week('2026-02-23', 3),
      week('2026-03-02', 0, 1),
      week('2026-03-09', 1, 0, 0, 1),
      week('2026-03-16'),
      week('2026-03-23', 2),
    ],
    signs: [
      { sign: 'fear_of_abandonment', count: 9 },
      { sign: 'need_for_reassurance', count: 6 },
      { sign: 'rumination', count: 2 },
    ],
    states: [
      { state: 'activated', count: 10 },
      { state: 'shut_down', count: 2 },
      { state: 'settled', count: 1 },
      { state: 'unknown', count: 1 },
    ],
    urges: [
      { urge: 'check_phone', count: 8 },
      { urge: 'seek_reassurance', count: 5 },
    ],
    helped: [
      { helped: 'paced_breathing', count: 6, rated: 5, mean_drop: 3.4 },
      { helped: 'writing', count: 4, rated: 3, mean_drop: 1 },
      { helped: 'reaching_out', count: 2, rated: 1, mean_drop: null },
    ],
    time_of_day: [
      { part: 'night', count: 3 },
      { part: 'morning', count: 1 },
      { part: 'afternoon', count: 2 },
      { part: 'evening', count: 8 },
    ],
    unreadable: 0,
    ...overrides,
  };
}

export function notReadyInsights(count: number): JournalInsights {
  return {
    trigger_count: count,
    minimum: 5,
    ready: false,
    weeks: [],
    signs: [],
    states: [],
    urges: [],
    helped: [],
    time_of_day: [
      { part: 'night', count: 0 },
      { part: 'morning', count: 0 },
      { part: 'afternoon', count: 0 },
      { part: 'evening', count: 0 },
    ],
    unreadable: 0,
  };
}
