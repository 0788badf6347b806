// Durability on PostgreSQL (issue #12): a learner's four writers (journal entries, practice
// sessions, bookings) keep going while the database is restarted in immediate mode three times —
// every backend killed at once, then crash recovery, as after a crash of the database server.
// During each outage writes fail as 503 problem+json (no 500, no request left hanging, no crash);
// the server reconnects by itself, every writer succeeds again without anyone restarting it, and
// every write it acknowledged, before, between and after the restarts, reads back through the API.
//
// On a cluster of the test's own with PostgreSQL's durable defaults (support/postgres-cluster.ts):
// the suite's shared one runs with fsync and synchronous_commit off. The PostgreSQL pass only
// (vitest.config.ts), where the database is the one under test.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createClient } from '../../web/src/api/client';
import { readyz } from '../../web/src/api/health';
import { openForBooking } from './support/booking-setup';
import { verifiedLearner, type Learner } from './support/learner';
import { startPostgresCluster, type PostgresCluster } from './support/postgres-cluster';
import { setUpPractitioner } from './support/practitioner';
import { mailEnv, startServer, type RunningServer } from './support/server';
import { expectAllReadBack, noneAcknowledged, startWriteStream, type WriteStream } from './support/write-stream';

const restarts = 3;

let cluster: PostgresCluster;
let server: RunningServer;
let learner: Learner;
let sessionType: string;

beforeAll(async () => {
  cluster = await startPostgresCluster();
  server = await startServer({
    database: cluster.url,
    env: {
      ...mailEnv(inject('mailUrl'), inject('mailCaFile')),
      SECUREBASE_LIMITS_BOOKING_PER_ACCOUNT: '0',
      SECUREBASE_LIMITS_BOOKING_PER_ADDRESS: '0',
    },
  });
  const her = await setUpPractitioner(server);
  sessionType = await openForBooking(her.client);
  learner = await verifiedLearner({ baseUrl: server.baseUrl });
}, 60_000);

afterAll(async () => {
  try {
    // stop() fails the run unless the server, through all of it, exits 0 on SIGTERM.
    await server?.stop();
  } finally {
    await cluster?.remove();
  }
});

/** Until every writer has succeeded `n` more times, or fails the test after `seconds`. */
async function eachWriterSucceeds(stream: WriteStream, n: number, seconds: number): Promise<void> {
  const from = stream.written();
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const now = stream.written();
    if (now.journal >= from.journal + n && now.practice >= from.practice + n && now.bookings >= from.bookings + n) return;
    if (Date.now() > deadline) throw new Error(`the writers did not get going again within ${seconds} s: ${JSON.stringify({ from, now })}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('PostgreSQL restarted in immediate mode under load', () => {
  it(`loses nothing acknowledged and recovers by itself, ${restarts} times`, async () => {
    const acknowledged = noneAcknowledged();
    const stream = startWriteStream({ client: learner.browser.client, sessionType, acknowledged, expect: 'outage' });
    try {
      await eachWriterSucceeds(stream, 3, 10);
      for (let restart = 1; restart <= restarts; restart += 1) {
        await cluster.restartImmediately();
        // No one restarts the server: its writers get through again on their own.
        await eachWriterSucceeds(stream, 3, 15);
      }
    } finally {
      await stream.stop();
    }
    // Each outage was met (every pooled connection dies with the restart), and answered 503.
    expect(stream.unavailable()).toBeGreaterThan(0);
    expect(await readyz(createClient({ baseUrl: server.baseUrl }))).toEqual({ status: 'ready' });
    await expectAllReadBack(learner.browser.client, acknowledged);
  }, 90_000);
});
