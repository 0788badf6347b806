// The numbers the Progress page shows and downloads, shaped from what it loaded: the eight signs
// first against latest, the practice averages before and after, course completion and the
// journal's counts over the weeks shown. Pure functions (no I/O), so the screen, the CSV, the
// JSON and the tests agree. Nothing here judges: it sums and averages the learner's own numbers.
import type { Checkin } from '../../api/checkins';
import type { InsightWeek, JournalInsights, StateOrUnknown } from '../../api/journal';
import { ratedNeeded } from '../practices/history-words';
import type { CoursePart } from './progress-data';

export interface SignRow {
  id: string;
  first: number | null;
  latest: number | null;
}

export interface SignsOverTime {
  first: Checkin;
  latest: Checkin;
  /** In the order of the latest result (the questionnaire's order). */
  rows: SignRow[];
}

/** The first and the latest eight-signs results side by side; undefined with none. */
export function signsOverTime(oldestFirst: Checkin[]): SignsOverTime | undefined {
  const first = oldestFirst[0];
  const latest = oldestFirst[oldestFirst.length - 1];
  if (!first || !latest) return undefined;
  const firstScores = new Map((first.signs ?? []).map((s) => [s.id, s.score]));
  const ids = (latest.signs ?? []).map((s) => s.id);
  for (const s of first.signs ?? []) if (!ids.includes(s.id)) ids.push(s.id);
  const latestScores = new Map((latest.signs ?? []).map((s) => [s.id, s.score]));
  return {
    first,
    latest,
    rows: ids.map((id) => ({ id, first: firstScores.get(id) ?? null, latest: latestScores.get(id) ?? null })),
  };
}

export interface CourseCompletion {
  completed: number;
  total: number;
}

export function courseCompletion({ courses }: CoursePart): CourseCompletion {
  return courses.reduce(
    (sum, c) => ({ completed: sum.completed + c.completed_count, total: sum.total + c.lesson_count }),
    { completed: 0, total: 0 },
  );
}

export interface JournalSummary {
  /** Every trigger log over all time. */
  allTime: number;
  /** Trigger logs in the weeks shown (0 until the insights are ready). */
  inWeeks: number;
  weeks: number;
  /** Sign id → logs in the weeks shown that named it; most first, only above 0. */
  signs: { id: string; count: number }[];
  states: { id: StateOrUnknown; count: number }[];
  ready: boolean;
  minimum: number;
}

export function journalSummary(insights: JournalInsights): JournalSummary {
  const weeks: InsightWeek[] = insights.ready ? insights.weeks : [];
  const signs = new Map<string, number>();
  const states = new Map<StateOrUnknown, number>();
  for (const week of weeks) {
    for (const [id, count] of Object.entries(week.signs)) signs.set(id, (signs.get(id) ?? 0) + count);
    for (const [id, count] of Object.entries(week.states) as [StateOrUnknown, number][])
      states.set(id, (states.get(id) ?? 0) + count);
  }
  const sorted = <K extends string>(map: Map<K, number>) =>
    [...map].filter(([, count]) => count > 0).map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  return {
    allTime: insights.trigger_count,
    inWeeks: weeks.reduce((sum, w) => sum + w.count, 0),
    weeks: insights.weeks.length,
    signs: sorted(signs),
    states: sorted(states),
    ready: insights.ready,
    minimum: insights.minimum,
  };
}
