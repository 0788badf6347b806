import { describe, expect, it } from 'vitest';
import { boxBreathing, grounding, resonance } from '../../practices/practice-fixtures';
import { calmingPractices, practiceFamily, shortLength, withPauseTicked } from './calming-practices';

describe('the practices a pause offers', () => {
  it('counts each practice as its family in "what helped"', () => {
    expect(practiceFamily(grounding())).toBe('grounding');
    expect(practiceFamily({ id: 'soothing-touch', kind: 'steps' })).toBe('self_soothing');
    expect(practiceFamily({ id: 'a-new-breath', kind: 'breathing' })).toBe('paced_breathing');
    expect(practiceFamily({ id: 'time-alone', kind: 'steps' })).toBeUndefined();
  });

  it('suggests about three minutes', () => {
    expect(shortLength({ durations: [1, 3, 5], default_duration: 5 })).toBe(3);
    expect(shortLength({ durations: [2, 4, 6], default_duration: 4 })).toBe(2);
    expect(shortLength({ durations: [5, 10], default_duration: 5 })).toBe(5);
  });

  it('offers one of each calming family first, at most four, nothing else', () => {
    const practices = [
      boxBreathing({ id: 'time-alone', kind: 'steps', breathing: null }),
      resonance({ durations: [5, 10] }),
      boxBreathing({ id: 'soothing-touch', kind: 'steps', breathing: null }),
      grounding(),
      boxBreathing(),
      boxBreathing({ id: 'cyclic-sighing' }),
      boxBreathing({ id: 'self-compassion-break', kind: 'steps', breathing: null }),
    ];
    expect(calmingPractices(practices).map((p) => p.id)).toEqual([
      'box-breathing',
      'grounding-54321',
      'soothing-touch',
      'cyclic-sighing',
    ]);
  });

  it('ticks pausing, and the practice done, without repeats', () => {
    expect(withPauseTicked([], undefined)).toEqual(['pausing']);
    expect(withPauseTicked(['writing', 'pausing'], 'grounding')).toEqual(['writing', 'pausing', 'grounding']);
  });
});
