// What the API suite must never find in a server's log (#11: no personal data in logs). Every
// test browser (support/browser.ts) notes the personal values it sends and receives — emails,
// names, passwords, journal and intake text, tokens, codes, two-factor secrets, session cookies
// — in one file for the run; every server the suite starts writes its log beside it
// (support/server.ts). log-scan.test.ts, run last, reads every log for every noted value and
// for anything shaped like an email address.
import { appendFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** The run's log folder, made by global-setup.ts; unset when a helper runs outside the suite. */
export function logDir(): string | undefined {
  return process.env.SB_API_LOG_DIR;
}

const noted = 'personal-values.txt';

// Keys whose values describe the app, not a person: ids, kinds, times, places, content paths.
// Everything else a browser sends is treated as the person's own.
const notPersonal = new Set([
  'id', 'type', 'kind', 'status', 'start', 'end', 'from', 'to', 'before', 'after', 'at',
  'occurred_at', 'taken_at', 'started_at', 'time_zone', 'tz', 'country', 'region', 'us_states',
  'served_countries', 'served_us_states', 'session_type', 'path', 'file', 'revision',
  'base_revision', 'url', 'video_url', 'video_mode', 'late_action', 'weekday', 'date',
  'locale', 'sort', 'signs', 'tags', 'emotions', 'practice', 'checkins', 'course', 'feeling',
]);
// Ids, dates and bare numbers: a six-digit code would be found by chance in any request id or
// time, so codes are left to the tests that check them (the codes' secret itself is noted).
const idShaped = /^([a-z]{1,4}_[A-Za-z0-9_-]+|[0-9a-f-]{16,}|\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?|[\d\s]+)$/;

/** The personal string values in a JSON body (sent, or received under a secret's name). */
export function personalValues(value: unknown, key = ''): string[] {
  if (typeof value === 'string') {
    if (notPersonal.has(key) || key.endsWith('_id') || key.endsWith('_ids')) return [];
    const text = value.trim();
    return text.length >= 6 && !idShaped.test(text) ? [text] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v) => personalValues(v, key));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => personalValues(v, k));
  }
  return [];
}

// In answers, only what the server made to be secret: it must not log those either.
const secretKeys = new Set(['secret', 'otpauth_uri', 'recovery_codes', 'token']);

export function secretValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(secretValues);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) =>
      secretKeys.has(k) ? personalValues(v, 'secret') : secretValues(v),
    );
  }
  return [];
}

/** Notes values for the scan (one per line; a value with a line break is noted line by line). */
export function notePersonal(values: string[]): void {
  const dir = logDir();
  if (!dir || values.length === 0) return;
  const lines = values.flatMap((v) => v.split('\n')).map((v) => v.trim()).filter((v) => v.length >= 6);
  if (lines.length > 0) appendFileSync(path.join(dir, noted), `${lines.join('\n')}\n`);
}

export function notedValues(dir: string): Set<string> {
  const file = path.join(dir, noted);
  return new Set(existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);
}

export function serverLogs(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.log'))
    .map((name) => path.join(dir, name));
}

const emailShaped = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

export interface Finding {
  log: string;
  line: number;
  what: string;
}

/** Each log line that holds a noted value or an email address. */
export function findPersonal(logs: string[], values: Set<string>): Finding[] {
  const findings: Finding[] = [];
  for (const log of logs) {
    const text = readFileSync(log, 'utf8');
    const lineOf = (at: number) => text.slice(0, at).split('\n').length;
    const email = emailShaped.exec(text);
    if (email) findings.push({ log, line: lineOf(email.index), what: `an email address (${email[0]})` });
    // One search of the whole log per value: fast, and the line is worked out only for a find.
    for (const value of values) {
      const at = text.indexOf(value);
      if (at >= 0) findings.push({ log, line: lineOf(at), what: `a noted value (${value.slice(0, 40)})` });
    }
  }
  return findings;
}
