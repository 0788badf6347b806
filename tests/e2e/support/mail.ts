// Reading the mail the server under test sends. Without SMTP settings the server writes each
// message as an .eml file under <data-dir>/mail/ (files starting with "." are still being
// written); the e2e run is told that folder in SB_E2E_MAIL_DIR. waitForLink polls the folder
// until a message to the address carries a link with the wanted path, decodes it (MIME,
// quoted-printable or base64, encoded-word subjects) and returns the link.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const mailDir = process.env.SB_E2E_MAIL_DIR;
export const noMailDir = 'SB_E2E_MAIL_DIR is not set: these tests read the mail the server writes';

export interface Mail {
  file: string;
  to: string;
  subject: string;
  text: string;
  links: URL[];
}

/** Messages already handed out, so each link is read once even when one address gets several. */
const consumed = new Set<string>();

/**
 * Waits (polling, up to `timeout` ms) for an unread message to `to` with a link to `path`, in
 * `dir` (default: the shared server's, SB_E2E_MAIL_DIR; a spec with a server of its own passes
 * that server's).
 */
export async function waitForLink(to: string, path: string, timeout = 20_000, dir = mailDir): Promise<URL> {
  const mail = await waitForMail(to, (m) => m.links.some((link) => link.pathname === path), timeout, dir);
  return mail.links.find((link) => link.pathname === path)!;
}

export async function waitForMail(
  to: string,
  wanted: (mail: Mail) => boolean,
  timeout = 20_000,
  dir = mailDir,
): Promise<Mail> {
  if (!dir) throw new Error(noMailDir);
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = readMailbox(dir).filter(
      (mail) => !consumed.has(mail.file) && sameAddress(mail.to, to) && wanted(mail),
    );
    const newest = found.at(-1);
    if (newest) {
      consumed.add(newest.file);
      return newest;
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${to} arrived in ${dir} within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Every finished message in the folder, oldest first (file names start with a UTC stamp). */
export function readMailbox(dir: string): Mail[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.eml') && !name.startsWith('.'))
    .sort()
    .map((name) => ({ file: name, ...parseMessage(readFileSync(join(dir, name), 'latin1')) }));
}

function sameAddress(header: string, address: string): boolean {
  const inside = /<([^>]+)>/.exec(header)?.[1] ?? header;
  return inside.trim().toLowerCase() === address.trim().toLowerCase();
}

/** Parses an RFC 5322 message held as latin1 (one char per byte), so byte decoding is ours. */
export function parseMessage(raw: string): Omit<Mail, 'file'> {
  const { headers, body } = splitMessage(raw);
  const text = decodeEntity(headers, body);
  return {
    to: headers.get('to') ?? '',
    subject: decodeWords(headers.get('subject') ?? ''),
    text,
    links: [...text.matchAll(/https?:\/\/[^\s<>"]+/g)].map((m) => new URL(m[0].replace(/[.,;)]+$/, ''))),
  };
}

function splitMessage(raw: string): { headers: Map<string, string>; body: string } {
  const normal = raw.replace(/\r\n/g, '\n');
  const end = normal.indexOf('\n\n');
  const head = end < 0 ? normal : normal.slice(0, end);
  const body = end < 0 ? '' : normal.slice(end + 2);
  const headers = new Map<string, string>();
  // Unfold: a line starting with white space continues the one before.
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** The text of a body: a text/plain part of a multipart, or the body itself, decoded to UTF-8. */
function decodeEntity(headers: Map<string, string>, body: string): string {
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    const parts = body.split(`--${boundary}`).slice(1);
    const decoded = parts
      .filter((part) => !part.startsWith('--'))
      .map((part) => splitMessage(part.replace(/^\n/, '')))
      .map(({ headers: h, body: b }) => ({ type: h.get('content-type') ?? 'text/plain', text: decodeEntity(h, b) }));
    return (decoded.find((p) => /^text\/plain/i.test(p.type)) ?? decoded[0])?.text ?? '';
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  let bytes: Buffer;
  if (encoding === 'base64') bytes = Buffer.from(body.replace(/\s+/g, ''), 'base64');
  else if (encoding === 'quoted-printable') bytes = decodeQuotedPrintable(body);
  else bytes = Buffer.from(body, 'latin1');
  return bytes.toString('utf8');
}

export function decodeQuotedPrintable(text: string): Buffer {
  const joined = text.replace(/=\r?\n/g, ''); // soft line breaks
  const out: number[] = [];
  for (let i = 0; i < joined.length; i += 1) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else {
      out.push(joined.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(out);
}

/**
 * The text/calendar part of a raw multipart message (held as latin1, one char per byte), decoded,
 * with the METHOD its Content-Type names; undefined when there is none.
 */
export function calendarPart(raw: string): { method: string; ics: string } | undefined {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
  if (!boundary) return undefined;
  const part = raw.split(`--${boundary}`).find((p) => /content-type:\s*text\/calendar/i.test(p));
  if (!part) return undefined;
  const method = /method=([A-Z]+)/i.exec(part)?.[1] ?? '';
  const split = part.search(/\r?\n\r?\n/);
  const body = part.slice(split).replace(/^\s+/, '');
  const ics = /content-transfer-encoding:\s*base64/i.test(part)
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : Buffer.from(body, 'latin1').toString('utf8');
  return { method, ics };
}

/** RFC 2047 encoded-words ("=?UTF-8?B?…?=" or "?Q?"), with the space between two words dropped. */
export function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_all, _charset: string, kind: string, data: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')).toString('utf8'),
    );
}
