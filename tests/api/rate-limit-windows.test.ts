// The booking and whole-record download limits through the real binary (domain/limits, defaults per
// hour: twenty booking requests and ten downloads for one account), on a server of its own with a
// clock the test moves (app/test_clock.h): past the limit the answer is 429 with Retry-After and
// nothing is done; another account is not held up by it; once the clock has moved on by Retry-After
// the same request goes through. Runs on SQLite, and on PostgreSQL when the suite does (the counts
// live in the database, shared by every instance). rate-limits.test.ts shows the other limits.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ApiClient } from '../../web/src/api/client';
import { exportUrl } from '../../web/src/api/journal';
import { createBooking, listBookings, listSlots, newBookingKey, type BookingRequest } from '../../web/src/api/scheduling';
import { openForBooking } from './support/booking-setup';
import { failure } from './support/failure';
import { verifiedLearner, type Learner } from './support/learner';
import { setUpPractitioner } from './support/practitioner';
import { mailEnv, startServer, type RunningServer } from './support/server';

const work = mkdtempSync(path.join(tmpdir(), 'sb-rate-windows-'));
const clockFile = path.join(work, 'clock');
let offsetSeconds = 0;
let server: RunningServer;
let typeId: string;

/** Moves the server's clock on by `seconds` (it reads the file at every request). */
function moveClockOn(seconds: number) {
  offsetSeconds += seconds;
  writeFileSync(clockFile, `${offsetSeconds}\n`);
}

function expectLimited(status: number, retryAfter: number | undefined): number {
  expect(status).toBe(429);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(3600);
  return retryAfter!;
}

beforeAll(async () => {
  moveClockOn(0);
  server = await startServer({
    ownDatabase: 'rate_windows',
    env: { ...mailEnv(inject('mailUrl'), inject('mailCaFile')), SECUREBASE_TEST_CLOCK_FILE: clockFile },
  });
  // Her two-factor code follows the real clock, so she sets up before it moves.
  const her = await setUpPractitioner(server);
  typeId = await openForBooking(her.client);
  // Counts are kept per fixed hour (from the top of the hour): the server's clock goes a few
  // seconds into the next one, so that no window ends on its own while a test counts.
  const now = Math.floor(Date.now() / 1000);
  moveClockOn(3600 - (now % 3600) + 5);
});

afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('booking', () => {
  // Free times from a day ahead, so that moving the clock an hour on keeps them bookable.
  async function freeStarts(client: ApiClient): Promise<string[]> {
    const from = new Date(Date.now() + offsetSeconds * 1000 + 86_400_000);
    const { slots } = await listSlots(
      { session_type: typeId, from: from.toISOString(), to: new Date(from.getTime() + 3 * 86_400_000).toISOString(), tz: 'Europe/Madrid' },
      client,
    );
    expect(slots.length).toBeGreaterThan(4);
    return slots.map((s) => s.start);
  }

  const request = (start: string): BookingRequest => ({
    session_type: typeId,
    start,
    time_zone: 'Europe/Madrid',
    client_location: { country: 'ES', region: '' },
    intake: {},
    policy_accepted: true,
  });

  it('allows twenty requests an hour for one account, refused ones too, then none until the window ends', async () => {
    const learner: Learner = await verifiedLearner({ baseUrl: server.baseUrl });
    const client = learner.browser.client;
    const starts = await freeStarts(client);
    await createBooking(request(starts[0]!), newBookingKey(), client);
    // Nineteen more for the time she now holds: each refused by the calendar, each counted.
    for (let i = 0; i < 19; i += 1) {
      expect((await failure(createBooking(request(starts[0]!), newBookingKey(), client))).status).toBe(409);
    }
    // The twenty-first asks for a free time, and is refused before anything is booked.
    const refused = await failure(createBooking(request(starts[2]!), newBookingKey(), client));
    const wait = expectLimited(refused.status, refused.retryAfter);
    expect(refused.problem.type).toBe('urn:securebase:problem:too-many-requests');
    expect((await listBookings(client)).bookings.map((b) => b.start)).toEqual([starts[0]]);

    // Held while the window lasts; someone else books as usual meanwhile.
    expect((await failure(createBooking(request(starts[2]!), newBookingKey(), client))).status).toBe(429);
    const other = await verifiedLearner({ baseUrl: server.baseUrl });
    expect((await createBooking(request(starts[4]!), newBookingKey(), other.browser.client)).start).toBe(starts[4]);

    // Once the window has ended she books.
    moveClockOn(wait);
    expect((await createBooking(request(starts[2]!), newBookingKey(), client)).start).toBe(starts[2]);
  });
});

describe('downloading everything held about you', () => {
  it('allows ten an hour for one account, counted with journal downloads, then again after the window', async () => {
    const learner = await verifiedLearner({ baseUrl: server.baseUrl });
    for (let i = 0; i < 10; i += 1) expect((await learner.browser.fetch('/api/v1/me/export')).status).toBe(200);
    const refused = await learner.browser.fetch('/api/v1/me/export');
    const wait = expectLimited(refused.status, Number(refused.headers.get('retry-after')));
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.headers.get('content-disposition')).toBeNull();
    // One limit for every whole-record download: the journal's is held too.
    expect((await learner.browser.fetch(exportUrl('json'))).status).toBe(429);
    // Another account is not.
    const other = await verifiedLearner({ baseUrl: server.baseUrl });
    expect((await other.browser.fetch('/api/v1/me/export')).status).toBe(200);

    moveClockOn(wait);
    const again = await learner.browser.fetch('/api/v1/me/export');
    expect(again.status).toBe(200);
    expect(again.headers.get('content-type')).toBe('application/zip');
  });
});
