import { describe, expect, it } from 'vitest';
import { pathTo, pickResults } from './pair-results';
import { attachmentResult, signsResult } from './test-fixtures';

const a1 = attachmentResult('a1', '2026-01-10T09:00:00Z', 5, 3);
const s1 = signsResult('s1', '2026-01-10T09:05:00Z', { rumination: 3 });
const a2 = attachmentResult('a2', '2026-02-10T09:00:00Z', 4, 3);
const s2 = signsResult('s2', '2026-02-11T10:00:00Z', { rumination: 2 });
const a3 = attachmentResult('a3', '2026-03-10T09:00:00Z', 3, 3);

describe('which results a page shows', () => {
  it('without an id: the latest of each part, and the whole attachment history newest first', () => {
    const shown = pickResults([a1, s2, a3, s1, a2]);
    expect(shown?.attachment?.id).toBe('a3');
    expect(shown?.signs?.id).toBe('s2');
    expect(shown?.attachmentHistory.map((c) => c.id)).toEqual(['a3', 'a2', 'a1']);
  });

  it('with an id: that result and the other part from the same sitting (within a day)', () => {
    expect(pickResults([a3, s2, a2, s1, a1], 'a1')?.signs?.id).toBe('s1');
    expect(pickResults([a3, s2, a2, s1, a1], 's1')?.attachment?.id).toBe('a1');
    // s2 came 25 hours after a2: not the same sitting.
    expect(pickResults([a3, s2, a2, s1, a1], 'a2')?.signs).toBeUndefined();
    expect(pickResults([a3, s2, a2, s1, a1], 'a3')?.signs).toBeUndefined();
  });

  it('an id that is not among the results', () => {
    expect(pickResults([a1], 'zzz')).toBeUndefined();
  });

  it('the path runs oldest first up to the result on show', () => {
    const history = [a3, a2, a1];
    expect(pathTo(a3, history).map((c) => c.id)).toEqual(['a1', 'a2', 'a3']);
    expect(pathTo(a2, history).map((c) => c.id)).toEqual(['a1', 'a2']);
    expect(pathTo(a1, history).map((c) => c.id)).toEqual(['a1']);
  });

  it('two results saved in the same second both stay on the path, in the server’s order', () => {
    const first = attachmentResult('x1', '2026-03-10T09:00:00Z', 6, 6);
    const second = attachmentResult('x2', '2026-03-10T09:00:00Z', 5, 5);
    const shown = pickResults([second, first])!;
    expect(shown.attachment?.id).toBe('x2');
    expect(pathTo(shown.attachment!, shown.attachmentHistory).map((c) => c.id)).toEqual(['x1', 'x2']);
  });
});
