// RFC 6238 time-based one-time codes (SHA-1, 30-second steps, six digits), computed the way an
// authenticator app does, for tests that sign in with two-factor. Written from the RFC; the
// server's own implementation is a separate piece of code (server/src/domain/accounts/totp.cc).
import { createHmac } from 'node:crypto';

/** Decodes RFC 4648 base32 (upper or lower case, padding and spaces ignored). */
export function base32Decode(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const index = alphabet.indexOf(ch);
    if (index < 0) throw new Error(`not base32: ${ch}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The code for a 30-second step (step = floor(unix seconds / 30)). */
export function totpAt(secret: Buffer, step: number, digits = 6): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', secret).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return binary.toString().padStart(digits, '0');
}

export function currentStep(now = Date.now()): number {
  return Math.floor(now / 1000 / 30);
}

/** The code an app shows now for a base32 secret. */
export function totpNow(base32Secret: string, offsetSteps = 0): string {
  return totpAt(base32Decode(base32Secret), currentStep() + offsetSteps);
}
