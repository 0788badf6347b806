import { describe, expect, it } from 'vitest';
import { readyInsights } from './insight-fixtures';
import {
  helpedRowWords,
  helpedSentence,
  notYetWords,
  signsSentence,
  timeSentence,
  unreadableWords,
  urgesSentence,
  weeksSentence,
} from './insight-words';

const week = (count: number, states: Partial<Record<'activated' | 'shut_down' | 'settled' | 'unknown', number>>) => ({
  week_start: '2026-03-02',
  count,
  states: { activated: 0, shut_down: 0, settled: 0, unknown: 0, ...states },
  signs: {},
});

describe('the sentences of the insights', () => {
  it('says how many more logs it takes', () => {
    expect(notYetWords(0, 5)).toBe('You have not written a trigger log yet. Patterns show here once there are 5, so 5 more will do it.');
    expect(notYetWords(1, 5)).toBe('You have written 1 trigger log so far. Patterns show here once there are 5, so 4 more will do it.');
    expect(notYetWords(4, 5)).toContain('so one more will do it.');
  });

  it('counts unreadable entries gently', () => {
    expect(unreadableWords(1)).toBe(
      'One journal entry couldn’t be opened just now, so it is left out of these patterns. Everything else you wrote is counted.',
    );
  });

  it('names the state noted most, each time, equally, or not at all', () => {
    expect(weeksSentence([week(0, {}), week(0, {})])).toBe('None of your trigger logs fall in the last 2 weeks.');
    expect(weeksSentence([week(3, { shut_down: 3 })])).toBe('Over this week you wrote 3 trigger logs; each time you noted feeling shut down.');
    expect(weeksSentence([week(4, { activated: 2, settled: 2 })])).toBe(
      'Over this week you wrote 4 trigger logs; you noted feeling stirred up and feeling settled equally often (2 each).',
    );
    expect(weeksSentence([week(3, { unknown: 2, settled: 1 })])).toBe(
      'Over this week you wrote 3 trigger logs; in 2 of them you noted that you were not sure of your state.',
    );
  });

  it('names the signs and urges noted most, ties included', () => {
    const tie = readyInsights({
      signs: [
        { sign: 'clinging', count: 4 },
        { sign: 'rumination', count: 4 },
        { sign: 'jealousy_insecurity', count: 1 },
      ],
      urges: [],
    });
    expect(signsSentence(tie)).toBe('Holding on tightly and going over things again and again came up most often, in 4 logs each out of 14.');
    expect(urgesSentence(tie)).toBe('None of your trigger logs noted an urge yet.');
  });

  it('says what seemed to help only from rated logs, and how many', () => {
    expect(helpedRowWords({ helped: 'writing', count: 3, rated: 2, mean_drop: -0.5 })).toBe('Up 0.5 on average, based on 2 rated logs');
    expect(helpedRowWords({ helped: 'writing', count: 3, rated: 2, mean_drop: 0 })).toBe('No change on average, based on 2 rated logs');
    expect(helpedRowWords({ helped: 'writing', count: 1, rated: 1, mean_drop: null })).toBe('Not enough ratings yet (named in 1 log)');
    const unrated = readyInsights({ helped: [{ helped: 'rest', count: 3, rated: 1, mean_drop: null }] });
    expect(helpedSentence(unrated)).toContain('rate how strong the feeling was before and after');
    const none = readyInsights({ helped: [{ helped: 'rest', count: 3, rated: 2, mean_drop: -1 }] });
    expect(helpedSentence(none)).toContain('did not go down on average');
    expect(helpedSentence(readyInsights({ helped: [] }))).toBe('None of your trigger logs noted what helped yet.');
  });

  it('says when in the day triggers came: most, more than any other, all, or equally', () => {
    const parts = (night: number, morning: number, afternoon: number, evening: number) =>
      readyInsights({
        time_of_day: [
          { part: 'night', count: night },
          { part: 'morning', count: morning },
          { part: 'afternoon', count: afternoon },
          { part: 'evening', count: evening },
        ],
      });
    expect(timeSentence(parts(1, 2, 3, 8))).toBe('Most of your logged triggers came in the evening: 8 of 14.');
    expect(timeSentence(parts(4, 3, 3, 0))).toBe('More of your logged triggers came at night than at any other time: 4 of 10.');
    expect(timeSentence(parts(0, 5, 0, 0))).toBe('All of your logged triggers came in the morning.');
    expect(timeSentence(parts(3, 0, 1, 3))).toBe('Your logged triggers came equally often at night and in the evening: 3 each.');
  });
});
