// The API suite's SMTP server: scripts/smtp_sink.py (Debian's aiosmtpd)
// with STARTTLS required and a self-signed certificate made for this run, so
// the server under test takes the same encrypted path as in production.
// global-setup.ts starts it and points the server at it; tests read what
// the server sent with waitForMail and follow the links in it.
//
//   const mail = await waitForMail({ to: 'ana@example.org', subject: /confirm/i });
//   const token = new URL(mail.links[0]!).searchParams.get('token');
//
// Each message is handed out once: waitForMail marks the file it returns as
// read (renames it to *.eml.read), so the next call for the same address
// waits for the next message. Use a fresh address per test.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, renameSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const repo = path.resolve(__dirname, '../../..');

export interface MailSink {
  /** smtp://127.0.0.1:PORT (STARTTLS required). */
  url: string;
  /** The folder where each accepted message lands as one .eml file. */
  maildir: string;
  /** The sink's self-signed certificate, for mail.smtp_ca_file. */
  caFile: string;
  stop(): Promise<void>;
}

/** Starts the sink in `dir` and resolves once it accepts connections. */
export async function startMailSink(dir: string): Promise<MailSink> {
  mkdirSync(dir, { recursive: true });
  const maildir = path.join(dir, 'mail');
  const caFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', keyFile, '-out', caFile],
    { stdio: 'ignore' },
  );
  const child = spawn(
    '/usr/bin/python3',
    [path.join(repo, 'scripts/smtp_sink.py'), '--dir', maildir, '--starttls', caFile, keyFile],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const port = await listeningPort(child);
  await greeting(port);
  return {
    url: `smtp://127.0.0.1:${port}`,
    maildir,
    caFile,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`the SMTP sink did not start:\n${err}`)), 20_000);
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the SMTP sink exited with ${code}:\n${err}`));
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^listening (\d+)$/m.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
  });
}

/** Resolves when the sink answers a connection with its 220 greeting. */
function greeting(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('the SMTP sink accepted no connection'));
    }, 10_000);
    socket.once('data', (chunk: Buffer) => {
      clearTimeout(timer);
      socket.end('QUIT\r\n');
      if (chunk.toString().startsWith('220')) resolve();
      else reject(new Error(`unexpected SMTP greeting: ${chunk.toString()}`));
    });
    socket.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

export interface ReceivedMail {
  /** The To header. */
  to: string;
  from: string;
  /** Decoded (RFC 2047). */
  subject: string;
  /** The body, decoded (quoted-printable or base64, UTF-8), with "\n" line ends. */
  text: string;
  /** Every http(s) link in the body, in order. */
  links: string[];
  /** Header names in lower case; values unfolded and decoded. */
  headers: Record<string, string>;
  /** The SMTP envelope as the sink saw it. */
  envelope: { from: string; to: string[]; tls: boolean };
  /** Where the message was stored (now renamed to *.eml.read). */
  file: string;
}

export interface MailQuery {
  to: string;
  subject?: string | RegExp;
  /** Give up after this long (default 15 s, under the tests' 20 s). */
  timeoutMs?: number;
  /** The sink's folder; default: the one global-setup provides. */
  maildir?: string;
}

/**
 * Waits for the oldest unread message to `to` (matched against the envelope and the To header,
 * ignoring case) whose subject matches, marks it read and returns it decoded. Polls the folder
 * every 50 ms and fails after `timeoutMs` listing what did arrive.
 */
export async function waitForMail(query: MailQuery): Promise<ReceivedMail> {
  // Imported here, not at the top: global-setup imports this file too, and
  // vitest's test API must not be loaded there.
  const maildir = query.maildir ?? (await import('vitest')).inject('mailDir');
  const deadline = Date.now() + (query.timeoutMs ?? 15_000);
  const want = query.to.toLowerCase();
  for (;;) {
    const seen: string[] = [];
    for (const name of unread(maildir)) {
      const file = path.join(maildir, name);
      const mail = parseMail(readFileSync(file), file);
      const recipients = [...mail.envelope.to, mail.to].map((a) => a.toLowerCase());
      const subjectOk =
        query.subject === undefined ||
        (typeof query.subject === 'string' ? mail.subject === query.subject : query.subject.test(mail.subject));
      if (recipients.includes(want) && subjectOk) {
        renameSync(file, `${file}.read`);
        return { ...mail, file: `${file}.read` };
      }
      seen.push(`${mail.to}: ${mail.subject}`);
    }
    if (Date.now() > deadline) {
      throw new Error(
        `no mail to ${query.to}${query.subject ? ` with subject ${String(query.subject)}` : ''} arrived; ` +
          `unread: ${seen.length ? seen.join('; ') : 'none'}`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Unread messages, oldest first (the sink names files by arrival time). */
function unread(maildir: string): string[] {
  try {
    return readdirSync(maildir)
      .filter((n) => n.endsWith('.eml'))
      .sort();
  } catch {
    return []; // nothing has arrived yet
  }
}

/** Parses one stored message (exported for the helper's own tests). */
export function parseMail(raw: Buffer, file = ''): ReceivedMail {
  const text = raw.toString('latin1'); // bytes as they are; decoded per part below
  const split = text.indexOf('\r\n\r\n');
  const head = split < 0 ? text : text.slice(0, split);
  const body = split < 0 ? '' : text.slice(split + 4);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!(name in headers)) headers[name] = decodeWords(utf8(line.slice(colon + 1).trim()));
  }
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  let bytes: Buffer;
  if (encoding === 'quoted-printable') bytes = decodeQuotedPrintable(body);
  else if (encoding === 'base64') bytes = Buffer.from(body.replace(/\s+/g, ''), 'base64');
  else bytes = Buffer.from(body, 'latin1');
  const decoded = bytes.toString('utf8').replace(/\r\n/g, '\n');
  return {
    to: headers['to'] ?? '',
    from: headers['from'] ?? '',
    subject: headers['subject'] ?? '',
    text: decoded,
    links: decoded.match(/https?:\/\/[^\s<>"')\]]+/g) ?? [],
    headers,
    envelope: {
      from: headers['x-sink-mail-from'] ?? '',
      to: (headers['x-sink-rcpt-to'] ?? '').split(',').map((a) => a.trim()).filter(Boolean),
      tls: headers['x-sink-tls'] === 'yes',
    },
    file,
  };
}

function utf8(latin1: string): string {
  return Buffer.from(latin1, 'latin1').toString('utf8');
}

/** Quoted-printable (RFC 2045) to bytes: soft breaks removed, =XX decoded. */
export function decodeQuotedPrintable(input: string): Buffer {
  const unfolded = input.replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < unfolded.length; i++) {
    const hex = unfolded.slice(i + 1, i + 3);
    if (unfolded[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else {
      out.push(unfolded.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(out);
}

/** RFC 2047 encoded-words (B and Q, UTF-8 or Latin-1); whitespace between words is dropped. */
export function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_all, charset: string, kind: string, data: string) => {
      const bytes =
        kind.toUpperCase() === 'B'
          ? Buffer.from(data, 'base64')
          : decodeQuotedPrintable(data.replace(/_/g, ' '));
      return bytes.toString(/^utf-?8$/i.test(charset) ? 'utf8' : 'latin1');
    });
}
