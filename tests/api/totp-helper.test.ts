// The tests' own TOTP helper (shared with the browser tests) against RFC 6238's published
// vectors, so that a failing two-factor test points at the server and not at the helper.
import { describe, expect, it } from 'vitest';
import { base32Decode, hotp, totp } from '../e2e/support/totp';

describe("the tests' TOTP helper", () => {
  it('matches the RFC 6238 SHA-1 vectors', () => {
    const key = Buffer.from('12345678901234567890');
    expect(hotp(key, Math.floor(59 / 30), 8)).toBe('94287082');
    expect(hotp(key, Math.floor(1111111109 / 30), 8)).toBe('07081804');
  });

  it('decodes base32 and gives six digits for a secret', () => {
    expect(base32Decode('GEZDGNBVGY3TQOJQ').toString()).toBe('1234567890');
    expect(base32Decode('gezd gnbv gy3t qojq').toString()).toBe('1234567890');
    expect(totp('GEZDGNBVGY3TQOJQ', 59_000)).toMatch(/^\d{6}$/);
  });
});
