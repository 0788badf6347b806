import { describe, expect, it } from 'vitest';
import { readCookie } from './csrf';

describe('readCookie', () => {
  it('finds a cookie among others, trimming spaces', () => {
    expect(readCookie('a=1; csrf=xyz; b=2', 'csrf')).toBe('xyz');
  });

  it('does not match a cookie whose name only ends the same', () => {
    expect(readCookie('xcsrf=nope', 'csrf')).toBeUndefined();
  });

  it('keeps "=" inside values and decodes escapes', () => {
    expect(readCookie('csrf=a%3Db==', 'csrf')).toBe('a=b==');
  });

  it('returns a malformed escape as it is', () => {
    expect(readCookie('csrf=%E0%A4%A', 'csrf')).toBe('%E0%A4%A');
  });

  it('is undefined when absent or empty', () => {
    expect(readCookie('', 'csrf')).toBeUndefined();
    expect(readCookie('other=1', 'csrf')).toBeUndefined();
  });
});
