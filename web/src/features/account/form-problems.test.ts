import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/problem';
import { fieldErrorsFrom, fieldSentence, summaryItems } from './form-problems';
import { generalMessage, waitDuration, waitMessage } from './messages';

const refused = (errors: { field: string; message: string }[]) =>
  new ApiError({ type: 'urn:securebase:problem:invalid-argument', title: 'Refused', status: 400, errors });

describe('fieldSentence', () => {
  it('makes a whole sentence from the server’s phrase', () => {
    expect(fieldSentence('your password', 'must be at least 8 characters')).toBe(
      'Your password must be at least 8 characters.',
    );
    expect(fieldSentence('your email address', 'it needs exactly one @.')).toBe(
      'Please check your email address: it needs exactly one @.',
    );
    expect(fieldSentence('your name', 'must be text')).toBe('Please enter your name as text.');
    expect(fieldSentence('your name', 'Please use fewer characters.')).toBe('Please use fewer characters.');
    expect(fieldSentence('your name', ' ')).toBe('Please check your name.');
  });
});

describe('fieldErrorsFrom', () => {
  it('keeps the first message for each field the form has', () => {
    const error = refused([
      { field: 'password', message: 'must be at least 8 characters' },
      { field: 'password', message: 'is too common' },
      { field: 'token', message: 'is not ours' },
    ]);
    const found = fieldErrorsFrom(error, ['email', 'password'] as const, (_f, m) => m);
    expect(found).toEqual({ password: 'must be at least 8 characters' });
  });

  it('finds nothing in other errors', () => {
    expect(fieldErrorsFrom(new Error('x'), ['email'], (_f, m) => m)).toEqual({});
  });
});

describe('summaryItems', () => {
  it('follows the form’s order', () => {
    const items = summaryItems({ password: 'P', email: 'E' }, ['email', 'name', 'password'], (f) => `x-${f}`);
    expect(items).toEqual([
      { id: 'x-email', message: 'E' },
      { id: 'x-password', message: 'P' },
    ]);
  });
});

describe('messages', () => {
  it('says how long to wait, rounded up', () => {
    expect(waitDuration(0)).toBe('1 second');
    expect(waitDuration(30)).toBe('30 seconds');
    expect(waitDuration(60)).toBe('1 minute');
    expect(waitDuration(61)).toBe('2 minutes');
    expect(waitDuration(900)).toBe('15 minutes');
    expect(waitDuration(3601)).toBe('2 hours');
  });

  it('uses Retry-After, else the server’s sentence', () => {
    const withHeader = new ApiError({ type: 't', title: 'Wait', status: 429, retry_after: 120 });
    expect(waitMessage(withHeader)).toContain('Please wait 2 minutes, then try again.');
    const withDetail = new ApiError({ type: 't', title: 'Wait', status: 429, detail: 'Please wait 3 minutes.' });
    expect(waitMessage(withDetail)).toBe('Please wait 3 minutes.');
  });

  it('tells a dropped connection from a problem on our side', () => {
    expect(generalMessage(new ApiError({ type: 't', title: 'x', status: 0 }))).toMatch(/couldn’t reach/);
    expect(generalMessage(new ApiError({ type: 't', title: 'x', status: 500, detail: 'db' }))).toMatch(/on our side/);
    expect(generalMessage(new ApiError({ type: 't', title: 'x', status: 409, detail: 'Already done.' }))).toBe(
      'Already done.',
    );
    expect(generalMessage(new TypeError('bug'))).toMatch(/on our side/);
  });
});
