// A learner's stream of writes for the durability tests (durability*.test.ts): journal entries,
// practice sessions and bookings, each kind from its own writer, one request after another, for
// as long as the test lets them run. What the server answered with success is noted as
// acknowledged; readBack then checks, through the API, that every acknowledged write is there.
//
// A writer meets failures in one of two ways, as the test says: a server killed under it (the
// request never answered) ends the writer; a 503 while the database is away is noted and the
// writer goes on. Anything else fails the test.
import { expect } from 'vitest';
import type { ApiClient } from '../../../web/src/api/client';
import { listEntries, newEntryId, saveEntry } from '../../../web/src/api/journal';
import { listPracticeSessions, newPracticeSessionId, recordPracticeSession } from '../../../web/src/api/practice-sessions';
import { ApiError } from '../../../web/src/api/problem';
import { createBooking, listBookings, listSlots, newBookingKey, slotTakenType } from '../../../web/src/api/scheduling';

export interface Acknowledged {
  /** Journal entry id → its words. */
  journal: Map<string, string>;
  practice: Set<string>;
  /** Booking id → its end (RFC 3339). */
  bookings: Map<string, string>;
}

export function noneAcknowledged(): Acknowledged {
  return { journal: new Map(), practice: new Set(), bookings: new Map() };
}

export function acknowledgedCount(a: Acknowledged): number {
  return a.journal.size + a.practice.size + a.bookings.size;
}

export interface StreamOptions {
  client: ApiClient;
  /** The session type the learner books (support/booking-setup.ts openForBooking). */
  sessionType: string;
  acknowledged: Acknowledged;
  /** 'killed': a request that gets no answer ends its writer. 'outage': a 503 is waited out. */
  expect: 'killed' | 'outage';
}

export interface WriteStream {
  /** Successes per writer since the stream began. */
  written: () => { journal: number; practice: number; bookings: number };
  /** 503 answers seen (expect 'outage'). */
  unavailable: () => number;
  /** Asks the writers to stop after the request in hand; resolves when all have. */
  stop: () => Promise<void>;
  /** Resolves when every writer has ended (by stop, or by a kill). */
  ended: Promise<void>;
}

const words = ['the tide', 'a slow breath', 'the kettle', 'rain on the window', 'an open door'];

export function startWriteStream(options: StreamOptions): WriteStream {
  const { client, acknowledged } = options;
  let stopping = false;
  let unavailable = 0;
  const written = { journal: 0, practice: 0, bookings: 0 };

  // One request: true when it succeeded, false when the writer should try the next one, and
  // 'end' when the writer is done.
  const attempt = async (request: () => Promise<void>): Promise<boolean | 'end'> => {
    try {
      await request();
      return true;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (options.expect === 'killed' && e.status === 0) return 'end';
      if (options.expect === 'outage' && e.status === 503) {
        unavailable += 1;
        await new Promise((r) => setTimeout(r, 20));
        return false;
      }
      throw e;
    }
  };

  const journalWriter = async () => {
    for (let n = 0; !stopping; n += 1) {
      const id = newEntryId();
      const text = `${words[n % words.length]} ${id.slice(0, 8)}: I noticed it and stayed.`;
      const input = { kind: 'reflection' as const, occurred_at: new Date().toISOString(), tags: [], reflection: { text, lesson_id: '', prompt_id: '' } };
      const done = await attempt(async () => {
        await saveEntry(id, input, client);
        acknowledged.journal.set(id, text);
        written.journal += 1;
      });
      if (done === 'end') return;
    }
  };

  const practiceWriter = async () => {
    while (!stopping) {
      const id = newPracticeSessionId();
      const session = {
        id,
        practice_id: 'box-breathing',
        started_at: new Date(Date.now() - 10 * 60_000).toISOString().replace(/\.\d+Z$/, 'Z'),
        duration_seconds: 300,
        distress_before: 6,
        distress_after: 3,
      };
      const done = await attempt(async () => {
        await recordPracticeSession(session, client);
        acknowledged.practice.add(id);
        written.practice += 1;
      });
      if (done === 'end') return;
    }
  };

  // Books the free times of the four weeks after its last booking (or from three hours ahead)
  // in turn; a time someone took meanwhile (a booking the server made but never answered before
  // a kill) is passed over.
  const bookingWriter = async () => {
    let slots: string[] = [];
    const listed = await attempt(async () => {
      const ends = [...acknowledged.bookings.values()].map((end) => Date.parse(end));
      const from = new Date(Math.max(Date.now() + 3 * 3600_000, ...ends));
      const to = new Date(from.getTime() + 28 * 86_400_000);
      const answer = await listSlots({ session_type: options.sessionType, from: from.toISOString(), to: to.toISOString(), tz: 'Europe/Madrid' }, client);
      slots = answer.slots.map((s) => s.start);
    });
    if (listed !== true) return;
    let bookedUntil = 0;
    for (const start of slots) {
      if (stopping) return;
      if (Date.parse(start) < bookedUntil) continue;
      for (;;) {
        let taken = false;
        const done = await attempt(async () => {
          try {
            const booking = await createBooking(
              { session_type: options.sessionType, start, time_zone: 'Europe/Madrid', client_location: { country: 'ES', region: '' }, intake: {}, policy_accepted: true },
              newBookingKey(),
              client,
            );
            acknowledged.bookings.set(booking.id, booking.end);
            written.bookings += 1;
            bookedUntil = Date.parse(booking.end);
          } catch (e) {
            if (!(e instanceof ApiError) || e.type !== slotTakenType) throw e;
            taken = true;
          }
        });
        if (done === 'end' || stopping) return;
        if (done === true || taken) break;
      }
    }
  };

  const ended = Promise.all([journalWriter(), journalWriter(), practiceWriter(), bookingWriter()]).then(() => undefined);
  return {
    written: () => ({ ...written }),
    unavailable: () => unavailable,
    stop: async () => {
      stopping = true;
      await ended;
    },
    ended,
  };
}

/** Every acknowledged write, read back through the API: journal entries word for word. */
export async function expectAllReadBack(client: ApiClient, acknowledged: Acknowledged): Promise<void> {
  const journal = new Map<string, string | undefined>();
  for (let before: string | undefined; ; ) {
    const page = await listEntries({ limit: 100, before }, client);
    for (const entry of page.entries) journal.set(entry.id, entry.reflection?.text);
    expect(page.unreadable).toEqual([]);
    if (!page.next_before) break;
    before = page.next_before;
  }
  for (const [id, text] of acknowledged.journal) expect(journal.get(id), `journal entry ${id}`).toBe(text);

  const practice = new Set<string>();
  for (let before: string | null | undefined; ; ) {
    const page = await listPracticeSessions({ limit: 100, before }, client);
    for (const session of page.sessions) practice.add(session.id);
    if (!page.next_before) break;
    before = page.next_before;
  }
  for (const id of acknowledged.practice) expect(practice.has(id), `practice session ${id}`).toBe(true);

  const bookings = new Set((await listBookings(client)).bookings.map((b) => b.id));
  for (const id of acknowledged.bookings.keys()) expect(bookings.has(id), `booking ${id}`).toBe(true);
}
