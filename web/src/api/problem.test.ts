import { describe, expect, it } from 'vitest';
import { ApiError, parseRetryAfter, problemType } from './problem';

describe('problem types', () => {
  it('names every API problem urn:securebase:problem:<slug>', () => {
    expect(problemType('invalid-token')).toBe('urn:securebase:problem:invalid-token');
  });

  it('tells one problem from another by its slug', () => {
    const error = new ApiError({ type: 'urn:securebase:problem:invalid-code', title: 'Bad code', status: 400 });
    expect(error.is('invalid-code')).toBe(true);
    expect(error.is('invalid')).toBe(false);
    expect(new ApiError({ type: 'about:blank', title: 'x', status: 400 }).is('invalid-code')).toBe(false);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-30T08:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date, rounding up, never below zero', () => {
    expect(parseRetryAfter('Mon, 30 Mar 2026 08:01:30 GMT', now)).toBe(90);
    expect(parseRetryAfter('Mon, 30 Mar 2026 07:59:00 GMT', now)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});
