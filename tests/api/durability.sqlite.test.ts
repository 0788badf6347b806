// Durability on SQLite (issue #12, DESIGN.md §7): a learner writes journal entries, practice
// sessions and bookings, four writers at once, and the server is killed with SIGKILL at a random
// moment among them, 20 times (100 with SB_BENCH=1, as `make bench` runs it). After each kill the
// server is started again on the same files and, before anyone writes, the database passes
// PRAGMA integrity_check, holds every write the server had answered with success, and has no two
// active bookings overlapping. At the end the learner reads every acknowledged write back through
// the API, the journal word for word.
//
// The SQLite pass only (vitest.config.ts): on PostgreSQL a killed server holds nothing that is not
// already committed, and durability.postgresql.test.ts restarts the database itself instead.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as consoleApi from '../../web/src/api/console-scheduling';
import { openForBooking } from './support/booking-setup';
import { newBrowser } from './support/browser';
import { verifiedLearner } from './support/learner';
import { setUpPractitioner } from './support/practitioner';
import { mailEnv, startServer, type RunningServer } from './support/server';
import { acknowledgedCount, expectAllReadBack, noneAcknowledged, startWriteStream } from './support/write-stream';

const kills = process.env.SB_BENCH ? 100 : 20;
const yearAhead = {
  name: 'Therapy session', description: '', duration_minutes: 50, buffer_before_minutes: 0, buffer_after_minutes: 10,
  minimum_notice_minutes: 60, horizon_days: 365, slot_step_minutes: 30, price: '', new_clients: true, active: true, intake: [],
};

let dataDir: string;
let server: RunningServer | undefined;
const database = () => path.join(dataDir, 'securebase.db');

const start = () =>
  startServer({
    dataDir,
    database: `sqlite://${database()}`,
    env: {
      ...mailEnv(inject('mailUrl'), inject('mailCaFile')),
      // Hundreds of bookings by one learner in a minute: no hourly limit here.
      SECUREBASE_LIMITS_BOOKING_PER_ACCOUNT: '0',
      SECUREBASE_LIMITS_BOOKING_PER_ADDRESS: '0',
    },
  });

/** Rows of a query, from the sqlite3 shell, beside the running server (WAL lets both read). */
function sql(statement: string): string[] {
  return execFileSync('sqlite3', [database(), statement], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'sb-durability-'));
});

afterAll(async () => {
  try {
    await server?.stop();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

describe('SIGKILL during a stream of writes', () => {
  it(`keeps every acknowledged write through ${kills} kills, and the file stays whole`, async () => {
    server = await start();
    const her = await setUpPractitioner(server);
    await openForBooking(her.client);
    // A year ahead: a hundred kills' worth of bookings (about ten a cycle) must find free times.
    const sessionType = (await consoleApi.createSessionType({ ...yearAhead }, her.client)).id;
    const learner = await verifiedLearner({ baseUrl: server.baseUrl });
    const cookies = learner.browser.cookies;

    const acknowledged = noneAcknowledged();
    const delays: number[] = [];
    for (let cycle = 1; cycle <= kills; cycle += 1) {
      // The learner's browser, pointed at this run's port with the same session.
      const browser = newBrowser(server.baseUrl);
      for (const [name, value] of cookies) browser.cookies.set(name, value);

      const stream = startWriteStream({ client: browser.client, sessionType, acknowledged, expect: 'killed' });
      // Every writer under way, then a random moment, so kills land at every stage of a write.
      const deadline = Date.now() + 10_000;
      while (Object.values(stream.written()).some((n) => n === 0)) {
        if (Date.now() > deadline) throw new Error(`a writer never got through in cycle ${cycle}: ${JSON.stringify(stream.written())}`);
        await new Promise((r) => setTimeout(r, 5));
      }
      const delay = Math.floor(Math.random() * 300);
      delays.push(delay);
      await new Promise((r) => setTimeout(r, delay));
      await server.kill();
      await stream.ended;
      server = undefined;

      server = await start();
      const context = `after kill ${cycle} (delays so far: ${delays.join(', ')} ms)`;
      expect(sql('PRAGMA integrity_check'), context).toEqual(['ok']);
      const stored = new Set(sql('SELECT id FROM journal_entries UNION ALL SELECT id FROM practice_sessions UNION ALL SELECT id FROM bookings'));
      const missing = [...acknowledged.journal.keys(), ...acknowledged.practice, ...acknowledged.bookings.keys()].filter((id) => !stored.has(id));
      expect(missing, `${context}: acknowledged writes missing`).toEqual([]);
      const overlaps = sql(
        `SELECT count(*) FROM bookings a JOIN bookings b ON a.id < b.id
           AND a.blocked_from < b.blocked_until AND b.blocked_from < a.blocked_until
         WHERE a.status <> 'cancelled' AND b.status <> 'cancelled'`,
      );
      expect(overlaps, context).toEqual(['0']);
    }
    // Every writer got through on every cycle, so the kills fell among real writes.
    expect(acknowledgedCount(acknowledged)).toBeGreaterThanOrEqual(kills * 3);

    const browser = newBrowser(server.baseUrl);
    for (const [name, value] of cookies) browser.cookies.set(name, value);
    await expectAllReadBack(browser.client, acknowledged);
  }, (process.env.SB_BENCH ? 600 : 90) * 1000);
});
