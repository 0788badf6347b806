import { describe, expect, it } from 'vitest';
import { notReadyInsights } from '../journal/insights/insight-fixtures';
import { courseCompletion, journalSummary, signsOverTime } from './progress-model';
import { checkinPart, course, coursePart, journalPart } from './progress-fixtures';

describe('signsOverTime', () => {
  it('puts the first result beside the latest, sign by sign', () => {
    const compare = signsOverTime(checkinPart().signs)!;
    expect(compare.first.id).toBe('s1');
    expect(compare.latest.id).toBe('s2');
    expect(compare.rows).toEqual([
      { id: 'fear_of_abandonment', first: 3, latest: 2 },
      { id: 'rumination', first: 4, latest: 4 },
    ]);
  });

  it('keeps a sign only one of them has, with nothing for the other', () => {
    const { signs } = checkinPart();
    signs[0] = { ...signs[0]!, signs: [{ id: 'clinging', score: 1 }] };
    expect(signsOverTime(signs)!.rows.map((r) => [r.id, r.first, r.latest])).toEqual([
      ['fear_of_abandonment', null, 2],
      ['rumination', null, 4],
      ['clinging', 1, null],
    ]);
  });

  it('has nothing to show without a result', () => {
    expect(signsOverTime([])).toBeUndefined();
  });
});

describe('courseCompletion', () => {
  it('adds up the lessons of every course', () => {
    expect(courseCompletion(coursePart([course(), course({ id: 'b', lesson_count: 6, completed_count: 6 })]))).toEqual({
      completed: 9,
      total: 30,
    });
    expect(courseCompletion(coursePart([]))).toEqual({ completed: 0, total: 0 });
  });
});

describe('journalSummary', () => {
  it('counts the logs, the signs and the states over the weeks shown', () => {
    const summary = journalSummary(journalPart().insights);
    expect(summary.allTime).toBe(14);
    expect(summary.inWeeks).toBe(14);
    expect(summary.weeks).toBe(12);
    expect(summary.signs).toEqual([
      { id: 'fear_of_abandonment', count: 3 },
      { id: 'rumination', count: 1 },
    ]);
    expect(summary.states).toEqual([
      { id: 'activated', count: 10 },
      { id: 'shut_down', count: 2 },
      { id: 'settled', count: 1 },
      { id: 'unknown', count: 1 },
    ]);
  });

  it('below the minimum, counts only the logs', () => {
    const summary = journalSummary(notReadyInsights(2));
    expect(summary).toMatchObject({ allTime: 2, inWeeks: 0, ready: false, minimum: 5, signs: [], states: [] });
  });
});

describe('spanWords', () => {
  it('says how many check-ins and over which days', async () => {
    const { spanWords } = await import('./plane-section');
    expect(spanWords(1, '3 March 2026', '3 March 2026')).toBe('One check-in so far, on 3 March 2026.');
    expect(spanWords(2, '3 March 2026', '3 March 2026')).toBe('2 check-ins, all on 3 March 2026.');
    expect(spanWords(4, '3 March 2026', '2 June 2026')).toBe('4 check-ins, from 3 March 2026 to 2 June 2026.');
  });
});

describe('effectWords', () => {
  it('says the server’s averages and how many practices they cover, or how many more it takes', async () => {
    const { effectWords } = await import('./practice-section');
    const { practicePart } = await import('./progress-fixtures');
    expect(effectWords(practicePart())).toBe(
      'Across 3 practices you rated before and after, your distress was on average 5.7 out of 10 before and 4 after.',
    );
    const stats = practicePart().stats;
    const none = { ...stats, totals: { ...stats.totals, distress: { n: 0, mean_before: null, mean_after: null } } };
    expect(effectWords({ stats: none })).toBe(
      'Your average distress before and after will show here once 3 practices are rated both times. None so far.',
    );
    const two = { ...stats, totals: { ...stats.totals, distress: { n: 2, mean_before: null, mean_after: null } } };
    expect(effectWords({ stats: two })).toContain('So far: 2.');
  });
});
