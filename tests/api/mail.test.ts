// Mail through a real SMTP server: the sink that global-setup starts
// (support/mail-sink.ts) and the helper tests use to read what arrived.
// Messages are sent here with Python's smtplib over STARTTLS, checking the
// sink's certificate, the way the server sends them.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { signup, verifyEmail } from '../../web/src/api/auth';
import { openBrowser } from './support/browser';
import { waitForMail } from './support/mail-sink';

interface Outgoing {
  to: string;
  subject: string;
  text: string;
  encoding?: 'quoted-printable' | 'base64';
}

const sendScript = `
import smtplib, ssl, sys, json
from email.message import EmailMessage
m = json.loads(sys.argv[1])
msg = EmailMessage()
msg["From"] = "Test <test@example.org>"
msg["To"] = m["to"]
msg["Subject"] = m["subject"]
msg.set_content(m["text"], cte=m["encoding"])
host, port = sys.argv[2].rsplit(":", 1)
with smtplib.SMTP(host.replace("smtp://", ""), int(port), timeout=10) as s:
    s.starttls(context=ssl.create_default_context(cafile=sys.argv[3]))
    s.send_message(msg)
`;

function send(mail: Outgoing): void {
  execFileSync('/usr/bin/python3', [
    '-c',
    sendScript,
    JSON.stringify({ encoding: 'quoted-printable', ...mail }),
    inject('mailUrl'),
    inject('mailCaFile'),
  ]);
}

let counter = 0;
function address(): string {
  return `person-${Date.now()}-${++counter}@example.org`;
}

describe('the SMTP sink', () => {
  it('receives mail over STARTTLS and decodes the subject, body and links', async () => {
    const to = address();
    const text =
      'Hallo Zoë,\n\nbitte bestätigen Sie Ihre Adresse:\n' +
      'https://care.example.org/verify?token=a1b2c3&lang=de\n\n' +
      `${'A long line that needs soft breaks in quoted-printable. '.repeat(3)}\n`;
    send({ to, subject: 'Bestätigen Sie Ihre E-Mail · 東京', text });
    const mail = await waitForMail({ to, subject: 'Bestätigen Sie Ihre E-Mail · 東京' });
    expect(mail.to).toBe(to);
    expect(mail.subject).toBe('Bestätigen Sie Ihre E-Mail · 東京');
    expect(mail.headers['content-transfer-encoding']).toBe('quoted-printable');
    expect(mail.text).toBe(text);
    expect(mail.links).toEqual(['https://care.example.org/verify?token=a1b2c3&lang=de']);
    expect(new URL(mail.links[0]!).searchParams.get('token')).toBe('a1b2c3');
    expect(mail.envelope).toEqual({ from: 'test@example.org', to: [to], tls: true });
  });

  it('decodes base64 bodies too', async () => {
    const to = address();
    const text = 'Open https://care.example.org/reset-password?token=xyz to choose a new password. 😀\n';
    send({ to, subject: 'Reset', text, encoding: 'base64' });
    const mail = await waitForMail({ to });
    expect(mail.headers['content-transfer-encoding']).toBe('base64');
    expect(mail.text).toBe(text);
    expect(mail.links).toEqual(['https://care.example.org/reset-password?token=xyz']);
  });

  it('waits for mail that arrives after it started waiting', async () => {
    const to = address();
    const waiting = waitForMail({ to, subject: /later/ });
    setTimeout(() => send({ to, subject: 'Sent a little later', text: 'Hello\n' }), 300);
    expect((await waiting).subject).toBe('Sent a little later');
  });

  it('hands out each message once, oldest first, matching the recipient and subject', async () => {
    const to = address();
    const other = address();
    send({ to: other, subject: 'First', text: 'for someone else\n' });
    send({ to, subject: 'First', text: 'one\n' });
    send({ to, subject: 'Second', text: 'two\n' });
    send({ to, subject: 'Third', text: 'three\n' });
    expect((await waitForMail({ to, subject: 'Second' })).text).toBe('two\n');
    expect((await waitForMail({ to })).text).toBe('one\n');
    expect((await waitForMail({ to })).text).toBe('three\n');
    await expect(waitForMail({ to, timeoutMs: 300 })).rejects.toThrow(`no mail to ${to} arrived`);
    expect((await waitForMail({ to: other.toUpperCase() })).text).toBe('for someone else\n');
  });
});

// The server's own path: the outbox worker hands a sign-up mail to this sink
// over STARTTLS, well formed, and its link verifies the account. (The
// account flows themselves are tested in accounts.test.ts.)
describe('mail from the server', () => {
  it('arrives over STARTTLS as a well-formed message whose link verifies the account', async () => {
    const browser = await openBrowser();
    const email = address();
    await signup(
      { email, password: 'a calm and long password', display_name: 'Zoë Mail', time_zone: 'Europe/London', country: 'GB' },
      browser.client,
    );
    const mail = await waitForMail({ to: email });
    expect(mail.envelope).toEqual({ from: 'no-reply@localhost', to: [email], tls: true });
    expect(mail.to).toBe(email);
    expect(mail.from).toBe('Secure Base <no-reply@localhost>');
    expect(mail.headers['message-id']).toMatch(/^<[0-9a-f]{32}@localhost>$/);
    expect(mail.headers['auto-submitted']).toBe('auto-generated');
    expect(mail.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(mail.headers['date']).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(mail.text).toContain('Zoë Mail');
    const link = new URL(mail.links.find((l) => new URL(l).pathname === '/verify')!);
    expect(await verifyEmail(link.searchParams.get('token')!, browser.client)).toEqual({ verified: true });
  });

  it('counts what it sent and logs no address', async () => {
    const metrics = await (await fetch(`${inject('baseUrl')}/metrics`)).text();
    expect(metrics).toMatch(/^securebase_mail_sent_total\{kind="verify-email"\} [1-9]\d*$/m);
    expect(readFileSync(inject('logFile'), 'utf8')).not.toMatch(/person-\d+-\d+@example\.org/);
  });
});
