// The tests' own TOTP helper against RFC 6238's published test vector, so that a failing
// two-factor test points at the server and not at the helper.
import { describe, expect, it } from 'vitest';
import { base32Decode, totpAt } from './support/totp';

describe('the tests\' TOTP helper', () => {
  it('matches the RFC 6238 SHA-1 vector at T=59', () => {
    expect(totpAt(Buffer.from('12345678901234567890'), Math.floor(59 / 30), 8)).toBe('94287082');
    expect(totpAt(Buffer.from('12345678901234567890'), Math.floor(1111111109 / 30), 8)).toBe('07081804');
  });

  it('decodes base32', () => {
    expect(base32Decode('GEZDGNBVGY3TQOJQ').toString()).toBe('1234567890');
    expect(base32Decode('gezd gnbv gy3t qojq').toString()).toBe('1234567890');
  });
});
