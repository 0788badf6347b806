// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dateInWords, emergencyNumbers, safeUrl, smsHref, telHref } from './help-links';

describe('help links', () => {
  it('dials only digits (and +)', () => {
    expect(telHref('116 123')).toBe('tel:116123');
    expect(telHref('0800 111 0 111')).toBe('tel:08001110111');
    expect(telHref('+44 (0)20 7946 0000')).toBe('tel:+440207946' + '0000');
  });

  it('texts a keyword in the body', () => {
    expect(smsHref('85258', 'SHOUT')).toBe('sms:85258?&body=SHOUT');
    expect(smsHref('741 741', 'HOME')).toBe('sms:741741?&body=HOME');
    expect(smsHref('988')).toBe('sms:988');
    expect(smsHref('50808', 'HELLO THERE')).toBe('sms:50808?&body=HELLO%20THERE');
  });

  it('splits "112 or 999" into the numbers to offer, first first', () => {
    expect(emergencyNumbers('999')).toEqual(['999']);
    expect(emergencyNumbers('112 or 999')).toEqual(['112', '999']);
    expect(emergencyNumbers('112, 999')).toEqual(['112', '999']);
  });

  it('writes dates in words, whatever the time zone', () => {
    expect(dateInWords('2026-11-29')).toBe('29 November 2026');
    expect(dateInWords('2027-01-05')).toBe('5 January 2027');
    expect(dateInWords('2026-13-01')).toBe('2026-13-01');
    expect(dateInWords('soon')).toBe('soon');
  });

  it('links only to plain https sites', () => {
    expect(safeUrl('https://www.samaritans.org')).toBe('https://www.samaritans.org');
    expect(safeUrl('http://example.org')).toBeUndefined();
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl(undefined)).toBeUndefined();
  });
});
