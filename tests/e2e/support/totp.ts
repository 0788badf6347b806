// Time-based one-time passwords (RFC 6238, with RFC 4226's truncation), for tests that play the
// part of an authenticator app: HMAC-SHA1 over the 30-second step count, six digits.
import { createHmac } from 'node:crypto';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32, as authenticator apps read it: case and spaces do not matter, "=" is padding. */
export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = alphabet.indexOf(char);
    if (index < 0) throw new Error(`not a base32 character: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The HOTP value for one counter (RFC 4226 section 5.3). */
export function hotp(key: Buffer, counter: number, digits = 6): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(binary).padStart(digits, '0');
}

export const stepSeconds = 30;

/** The step a moment falls in. */
export function timeStep(at: number = Date.now()): number {
  return Math.floor(at / 1000 / stepSeconds);
}

/** The code an authenticator app shows for `secret` (base32) at `at` (ms since the epoch). */
export function totp(secret: string, at: number = Date.now()): string {
  return hotp(base32Decode(secret), timeStep(at));
}
