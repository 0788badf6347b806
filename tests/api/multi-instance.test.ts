// Several instances (docs/operations.md): two real securebase processes on one PostgreSQL
// database behind real nginx running deploy/nginx-two-instances.conf, with only its ports and
// certificate replaced. Through nginx, 200 concurrent requests for one time, spread over both
// instances, make exactly one booking; a session made on one instance works on the other and
// ends on both; and with both instances running the reminder job against the real SMTP sink,
// a reminder goes out once.
//
// The config check runs on both API passes. The instances need PostgreSQL: two processes on
// one SQLite file are not a deployment Secure Base supports (docs/operations.md), so on the
// SQLite pass that part is not registered at all (no skipped tests); scripts/test-all gives
// the PostgreSQL pass a database of its own for it (sb_own_multi).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { logout } from '../../web/src/api/auth';
import type { ApiClient } from '../../web/src/api/client';
import * as consoleApi from '../../web/src/api/console-scheduling';
import { getMe } from '../../web/src/api/me';
import { createBooking, listSlots, newBookingKey, type Slot } from '../../web/src/api/scheduling';
import { bookFreeSlot, openForBooking } from './support/booking-setup';
import { newBrowser, type Browser } from './support/browser';
import { failure } from './support/failure';
import { verifiedLearner, type Learner } from './support/learner';
import { parseMail, waitForMail } from './support/mail-sink';
import { freePort } from './support/postgres-cluster';
import { setUpPractitioner } from './support/practitioner';
import { mailEnv, repo, startServer, type RunningServer } from './support/server';

const nginxBinary = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
const example = readFileSync(path.join(repo, 'deploy/nginx-two-instances.conf'), 'utf8');

interface Rendered {
  dir: string;
  /** nginx's own main file, which includes the rendered site file as Debian's does. */
  mainConf: string;
}

/**
 * The example with its ports and certificate replaced, nothing else: the upstream instances, the
 * HTTPS listener (plain HTTP here: `tls` false, so the test's client needs no certificate) and
 * the redirecting port-80 server.
 */
function render(options: { instances: number[]; listen: number; redirect: number; tls: boolean }): Rendered {
  const dir = mkdtempSync(path.join(tmpdir(), 'sb-nginx-'));
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=localhost', '-keyout', key, '-out', cert],
    { stdio: 'ignore' },
  );
  const replace = (text: string, from: string, to: string) => {
    expect(text, `the example has "${from}"`).toContain(from);
    return text.replace(from, to);
  };
  let site = example;
  site = replace(site, 'server 127.0.0.1:8080 ', `server 127.0.0.1:${options.instances[0]} `);
  site = replace(site, 'server 127.0.0.1:8081 ', `server 127.0.0.1:${options.instances[1]} `);
  site = replace(site, 'listen 80;', `listen 127.0.0.1:${options.redirect};`);
  site = replace(site, 'listen 443 ssl http2;', `listen 127.0.0.1:${options.listen}${options.tls ? ' ssl http2' : ''};`);
  site = replace(site, '/etc/letsencrypt/live/example.org/fullchain.pem', cert);
  site = replace(site, '/etc/letsencrypt/live/example.org/privkey.pem', key);
  writeFileSync(path.join(dir, 'site.conf'), site);
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`;
  const mainConf = path.join(dir, 'nginx.conf');
  writeFileSync(
    mainConf,
    [
      'daemon off;',
      'worker_processes 2;',
      `pid ${path.join(dir, 'nginx.pid')};`,
      `error_log ${path.join(dir, 'error.log')} warn;`,
      'events { worker_connections 1024; }',
      `http { ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join(' ')}`,
      `  include ${path.join(dir, 'site.conf')}; }`,
      '',
    ].join('\n'),
  );
  return { dir, mainConf };
}

describe('deploy/nginx-two-instances.conf', () => {
  it('is a configuration nginx accepts, certificate and all', async () => {
    const ports = await Promise.all([0, 1, 2, 3].map(() => freePort()));
    const rendered = render({ instances: [ports[0]!, ports[1]!], listen: ports[2]!, redirect: ports[3]!, tls: true });
    try {
      const out = execFileSync(nginxBinary, ['-t', '-c', rendered.mainConf, '-p', rendered.dir], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      expect(out).toBe('');
    } finally {
      rmSync(rendered.dir, { recursive: true, force: true });
    }
  });
});

const postgresPrefix = process.env.SB_API_OWN_DATABASE_PREFIX;
if (postgresPrefix) {
  describe('two instances on one PostgreSQL behind nginx', () => {
    let work: string;
    let clockFile: string;
    let a: RunningServer;
    let b: RunningServer;
    let nginx: ChildProcess;
    let rendered: Rendered;
    let front: string;
    let redirectPort: number;
    let her: ApiClient;
    let typeId: string;

    /** The same person (the same cookies) in a browser pointed at another address. */
    function sameBrowserAt(baseUrl: string, browser: Browser): Browser {
      const other = newBrowser(baseUrl);
      for (const [k, v] of browser.cookies) other.cookies.set(k, v);
      return other;
    }

    /** The sum of a metric's series on one instance whose labels contain `labels`. */
    async function metric(server: RunningServer, name: string, labels = ''): Promise<number> {
      const text = await (await fetch(`${server.baseUrl}/metrics`)).text();
      let sum = 0;
      for (const line of text.split('\n')) {
        if (line.startsWith(`${name}{`) && line.includes(labels)) sum += Number(line.split(' ').pop());
      }
      return sum;
    }

    /** Resolves once `check` holds, polling every 50 ms; fails after `ms` saying what it waited for. */
    async function until(what: string, check: () => Promise<boolean>, ms = 10_000): Promise<void> {
      const deadline = Date.now() + ms;
      while (!(await check())) {
        if (Date.now() > deadline) throw new Error(`waited ${ms} ms for ${what}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }

    beforeAll(async () => {
      work = mkdtempSync(path.join(tmpdir(), 'sb-multi-'));
      clockFile = path.join(work, 'clock');
      writeFileSync(clockFile, '0\n');
      const env = {
        ...mailEnv(inject('mailUrl'), inject('mailCaFile')),
        // One key file for both, as the operations guide says: what one seals the other opens.
        SECUREBASE_SECRETS_KEY_FILE: path.join(work, 'keys', 'secret.key'),
        // One clock for both, so that a reminder falls due on both at once.
        SECUREBASE_TEST_CLOCK_FILE: clockFile,
        SECUREBASE_BOOKING_REMINDER_MINUTES: '60',
        // Behind nginx every request comes from 127.0.0.1 (the last X-Forwarded-For entry), and
        // 200 requests from a few accounts pass the hourly booking limits, which
        // rate-limits.test.ts shows on their own.
        SECUREBASE_LIMITS_BOOKING_PER_ADDRESS: '1000',
        SECUREBASE_LIMITS_BOOKING_PER_ACCOUNT: '1000',
      };
      const database = `${postgresPrefix}multi`;
      a = await startServer({ database, env });
      // Claimed before the second starts: a starting instance with no practitioner yet makes a
      // setup token of its own.
      her = (await setUpPractitioner(a)).client;
      typeId = await openForBooking(her);
      b = await startServer({ database, env });

      const [listen, redirect] = await Promise.all([freePort(), freePort()]);
      redirectPort = redirect;
      rendered = render({ instances: [a.port, b.port], listen, redirect, tls: false });
      nginx = spawn(nginxBinary, ['-c', rendered.mainConf, '-p', rendered.dir], { stdio: 'ignore' });
      front = `http://127.0.0.1:${listen}`;
      await until('nginx to answer', async () => {
        try {
          return (await fetch(`${front}/healthz`)).ok;
        } catch {
          return false;
        }
      });
    });

    afterAll(async () => {
      if (nginx && nginx.exitCode === null) {
        const exited = new Promise((resolve) => nginx.once('exit', resolve));
        nginx.kill('SIGTERM');
        await exited;
      }
      await b?.stop();
      await a?.stop();
      if (rendered) rmSync(rendered.dir, { recursive: true, force: true });
      rmSync(work, { recursive: true, force: true });
    });

    it('sends plain HTTP on to HTTPS', async () => {
      const res = await fetch(`http://127.0.0.1:${redirectPort}/journal`, { redirect: 'manual' });
      expect(res.status).toBe(301);
      expect(res.headers.get('location')).toMatch(/^https:\/\/.*\/journal$/);
    });

    it('keeps /metrics from whoever comes through nginx, even from this machine', async () => {
      // The sample has no rule for it: each instance refuses a request that carries the
      // proxy's X-Forwarded-For, as it does an address with nothing at it.
      for (let i = 0; i < 4; i++) {
        const res = await fetch(`${front}/metrics`);
        expect(res.status).toBe(404);
        expect(await res.text()).not.toContain('securebase_');
      }
      for (const instance of [a, b]) expect((await fetch(`${instance.baseUrl}/metrics`)).status).toBe(200);
    });

    it('keeps a session made on one instance on the other, and ends it on both', async () => {
      const learner = await verifiedLearner({ baseUrl: a.baseUrl });
      const onB = sameBrowserAt(b.baseUrl, learner.browser);
      expect((await getMe(onB.client)).email).toBe(learner.email);
      const onFront = sameBrowserAt(front, learner.browser);
      for (let i = 0; i < 4; i++) expect((await getMe(onFront.client)).email).toBe(learner.email);

      await logout(onB.client);
      expect((await failure(getMe(learner.browser.client))).status).toBe(401);
    });

    it('lets 200 concurrent requests for one time, over both instances, make exactly one booking', async () => {
      const racers: Learner[] = await Promise.all(
        Array.from({ length: 8 }, () => verifiedLearner({ baseUrl: a.baseUrl })),
      );
      const clients = racers.map((r) => sameBrowserAt(front, r.browser).client);
      const from = new Date(Date.now() + 4 * 86_400_000);
      const { slots } = await listSlots(
        {
          session_type: typeId,
          from: from.toISOString(),
          to: new Date(from.getTime() + 86_400_000).toISOString(),
          tz: 'Europe/Madrid',
        },
        clients[0]!,
      );
      const slot: Slot = slots[5]!;
      const before = await Promise.all([a, b].map((s) => metric(s, 'securebase_http_requests_total', 'route="/api/v1/bookings",method="POST"')));

      const statuses = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          createBooking(
            {
              session_type: typeId,
              start: slot.start,
              time_zone: 'Europe/Madrid',
              client_location: { country: 'ES', region: '' },
              intake: {},
              policy_accepted: true,
            },
            newBookingKey(),
            clients[i % clients.length]!,
          ).then(
            () => 201,
            (e: { status?: number }) => e.status ?? 0,
          ),
        ),
      );
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(199);

      // Both instances took part.
      const after = await Promise.all([a, b].map((s) => metric(s, 'securebase_http_requests_total', 'route="/api/v1/bookings",method="POST"')));
      expect(after[0]! - before[0]!).toBeGreaterThan(0);
      expect(after[1]! - before[1]!).toBeGreaterThan(0);
      expect(after[0]! - before[0]! + after[1]! - before[1]!).toBe(200);

      // And her calendar has it once.
      const calendar = await consoleApi.listBookings({}, her);
      expect(calendar.bookings.filter((x) => x.start === slot.start && x.status === 'confirmed')).toHaveLength(1);
    }, 30_000);

    it('sends a reminder once while both instances run the reminder job', async () => {
      const learner = await verifiedLearner({ baseUrl: b.baseUrl });
      const booked = await bookFreeSlot(learner, typeId);
      await waitForMail({ to: learner.email, subject: /^Your session is booked/ });

      // Half an hour before the session: its 60-minute reminder is due, on both instances.
      const offset = Math.ceil((new Date(booked.start).getTime() - 30 * 60_000 - Date.now()) / 1000);
      writeFileSync(clockFile, `${offset}\n`);
      const reminder = await waitForMail({ to: learner.email, subject: /^Reminder: your session/ });
      expect(reminder.text).toContain(`/sessions/${booked.id}`);

      // Let each instance run its reminder pass, and its outbox, twice more after the one that
      // was sent, so that a second copy would have been made and sent by now.
      const passes = (s: RunningServer) => metric(s, 'securebase_db_seconds_count', 'op="bookings.starting_between"');
      const polls = (s: RunningServer) => metric(s, 'securebase_db_seconds_count', 'op="outbox.peek_due"');
      const start = await Promise.all([a, b].flatMap((s) => [passes(s), polls(s)]));
      await until('two more reminder passes and outbox polls on each instance', async () => {
        const now = await Promise.all([a, b].flatMap((s) => [passes(s), polls(s)]));
        return now.every((n, i) => n >= start[i]! + 2);
      });

      const maildir = inject('mailDir');
      const reminders = readdirSync(maildir)
        .filter((name) => name.endsWith('.eml') || name.endsWith('.eml.read'))
        .map((name) => parseMail(readFileSync(path.join(maildir, name))))
        .filter((m) => m.to.toLowerCase() === learner.email && /^Reminder/.test(m.subject));
      expect(reminders).toHaveLength(1);
      const sent = await Promise.all([a, b].map((s) => metric(s, 'securebase_mail_sent_total', 'kind="booking-reminder"')));
      expect(sent[0]! + sent[1]!).toBeGreaterThanOrEqual(1);
    }, 30_000);
  });
}
