// Booking end to end through the real binary (its own server and database, with its own
// practitioner): her setup from the console with every bad input named, slots, booking with an
// Idempotency-Key, a taken slot's fresh times, 52 concurrent requests for one slot (exactly one
// booking), the mail with its iCalendar invitation through the real SMTP sink, cancelling and
// moving within the policy. Runs on SQLite, and on PostgreSQL when the suite does (its own
// database: support/server.ts ownDatabase).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ApiClient } from '../../web/src/api/client';
import * as consoleApi from '../../web/src/api/console-scheduling';
import {
  cancelBooking,
  createBooking,
  listBookings,
  listSessionTypes,
  listSlots,
  newBookingKey,
  rescheduleBooking,
  takenSlots,
  type BookingRequest,
  type Slot,
} from '../../web/src/api/scheduling';
import { getAudit } from '../../web/src/api/console-clients';
import { getShareReads } from '../../web/src/api/shares';
import { calendarPart } from '../e2e/support/mail';
import { newBrowser } from './support/browser';
import { failure } from './support/failure';
import { verifiedLearner, type Learner } from './support/learner';
import { waitForMail, type ReceivedMail } from './support/mail-sink';
import { practitionerDetails, setUpPractitioner } from './support/practitioner';
import { mailEnv, startServer, type RunningServer } from './support/server';

const practitioner = practitionerDetails();

let server: RunningServer;
let work: string;
let her: ApiClient;
let typeId: string;
const hopes = 'Feeling calmer when my partner is away; and sleeping, too.';

/** The text/calendar part of a message, decoded. */
function calendarOf(mail: ReceivedMail): { method: string; ics: string } {
  const part = calendarPart(readFileSync(mail.file).toString('latin1'));
  expect(part, 'a text/calendar part').toBeDefined();
  return part!;
}

function request(start: string, overrides: Partial<BookingRequest> = {}): BookingRequest {
  return {
    session_type: typeId,
    start,
    time_zone: 'America/New_York',
    client_location: { country: 'US', region: 'NY' },
    intake: { hopes },
    policy_accepted: true,
    ...overrides,
  };
}

async function freeSlots(client: ApiClient, days = 14): Promise<Slot[]> {
  const from = new Date(Date.now() + 2 * 3600_000);
  const to = new Date(from.getTime() + days * 86_400_000);
  const answer = await listSlots(
    { session_type: typeId, from: from.toISOString(), to: to.toISOString(), tz: 'America/New_York' },
    client,
  );
  return answer.slots;
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'sb-booking-'));
  server = await startServer({
    ownDatabase: 'booking',
    env: mailEnv(inject('mailUrl'), inject('mailCaFile')),
  });
  her = (await setUpPractitioner(server, practitioner)).client;
});

afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('the practitioner sets up booking', () => {
  it('refuses a bad schedule, naming each field', async () => {
    const bad = await failure(
      consoleApi.saveSchedule(
        {
          time_zone: 'Europe/Atlantis',
          weekly: [
            { weekday: 'mon', start: '17:00', end: '09:00' },
            { weekday: 'tue', start: '09:00', end: '13:00' },
            { weekday: 'tue', start: '12:00', end: '15:00' },
          ],
          overrides: [{ date: '2026-02-30', ranges: [] }],
        },
        her,
      ),
    );
    expect(bad.status).toBe(400);
    expect(bad.problem.errors?.map((e) => e.field)).toContain('overrides[0].date');
    const rules = await failure(
      consoleApi.saveSchedule(
        {
          time_zone: 'Europe/Atlantis',
          weekly: [
            { weekday: 'mon', start: '17:00', end: '09:00' },
            { weekday: 'tue', start: '09:00', end: '13:00' },
            { weekday: 'tue', start: '12:00', end: '15:00' },
          ],
          overrides: [],
        },
        her,
      ),
    );
    expect(rules.status).toBe(400);
    const fields = rules.problem.errors?.map((e) => e.field) ?? [];
    expect(fields).toContain('time_zone');
    expect(fields.some((f) => f.startsWith('weekly[0]'))).toBe(true);
    expect(fields.some((f) => f.startsWith('weekly[2]') || f.startsWith('weekly[1]'))).toBe(true);
  });

  it('saves her hours, her terms and a session type', async () => {
    const weekly = (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((weekday) => ({
      weekday,
      start: '00:00',
      end: '24:00',
    }));
    const saved = await consoleApi.saveSchedule({ time_zone: 'Europe/London', weekly, overrides: [] }, her);
    expect(saved.time_zone).toBe('Europe/London');
    expect(await consoleApi.getSchedule(her)).toEqual(saved);

    const us = await failure(
      consoleApi.saveBookingSettings(
        {
          served: { countries: ['GB', 'US'], us_states: ['ZZ'] },
          outside_message: '',
          video: { mode: 'jitsi', url: 'ftp://nope' },
          cancellation: { late_window_hours: 48, late_action: 'refuse', text: '' },
        },
        her,
      ),
    );
    expect(us.status).toBe(400);
    expect(us.problem.errors?.map((e) => e.field)).toEqual(['served.countries[1]', 'served.us_states[0]', 'video.url']);

    await consoleApi.saveBookingSettings(
      {
        served: { countries: ['GB', 'DE'], us_states: ['NY'] },
        outside_message: 'I can only offer sessions to people in the UK, Germany and New York.',
        video: { mode: 'jitsi', url: 'https://meet.example.org' },
        cancellation: { late_window_hours: 48, late_action: 'refuse', text: 'Cancel at least two days ahead.' },
      },
      her,
    );

    const zero = await failure(
      consoleApi.createSessionType(
        {
          name: 'Broken',
          description: '',
          duration_minutes: 0,
          buffer_before_minutes: 0,
          buffer_after_minutes: -5,
          minimum_notice_minutes: 0,
          horizon_days: 30,
          slot_step_minutes: 30,
          price: '',
          new_clients: true,
          active: true,
          intake: [],
        },
        her,
      ),
    );
    expect(zero.status).toBe(400);
    expect(zero.problem.errors?.map((e) => e.field)).toEqual(['duration_minutes', 'buffer_after_minutes']);

    const type = await consoleApi.createSessionType(
      {
        name: 'Therapy session',
        description: 'A 50-minute session by video.',
        duration_minutes: 50,
        buffer_before_minutes: 0,
        buffer_after_minutes: 10,
        minimum_notice_minutes: 60,
        horizon_days: 30,
        slot_step_minutes: 30,
        price: '£90',
        new_clients: true,
        active: true,
        intake: [{ id: 'hopes', question: 'What would you like help with?', required: true }],
      },
      her,
    );
    expect(type.id).toMatch(/^st_/);
    typeId = type.id;
  });

  it('keeps the console to her', async () => {
    const learner = await verifiedLearner({ baseUrl: server.baseUrl });
    const refused = await failure(consoleApi.getSchedule(learner.browser.client));
    expect(refused.status).toBe(403);
    const stranger = newBrowser(server.baseUrl);
    expect((await failure(consoleApi.getSchedule(stranger.client))).status).toBe(401);
  });
});

describe('a client books', () => {
  let ana: Learner;
  let slots: Slot[];

  beforeAll(async () => {
    ana = await verifiedLearner({ baseUrl: server.baseUrl });
    slots = await freeSlots(ana.browser.client);
  });

  it('sees the types, her terms and slots in their own zone', async () => {
    const catalog = await listSessionTypes(ana.browser.client);
    expect(catalog.session_types.map((t) => t.id)).toEqual([typeId]);
    expect(catalog.practice.time_zone).toBe('Europe/London');
    expect(catalog.practice.cancellation.text).toBe('Cancel at least two days ahead.');
    expect(slots.length).toBeGreaterThan(100);
    const first = slots[0]!;
    expect(new Date(first.end).getTime() - new Date(first.start).getTime()).toBe(50 * 60_000);
    expect(first.local).toMatch(/-0[45]:00$/); // New York
    expect(first.practitioner_local).toMatch(/\+0[01]:00$/); // London
  });

  it('refuses bad slot queries', async () => {
    const client = ana.browser.client;
    const now = Date.now();
    const bad = await failure(
      listSlots({ session_type: typeId, from: new Date(now + 86_400_000).toISOString(), to: new Date(now).toISOString(), tz: 'Mars/Base' }, client),
    );
    expect(bad.status).toBe(400);
    expect(bad.problem.errors?.map((e) => e.field)).toEqual(['tz']);
    const backwards = await failure(
      listSlots({ session_type: typeId, from: new Date(now + 86_400_000).toISOString(), to: new Date(now).toISOString(), tz: 'Europe/Berlin' }, client),
    );
    expect(backwards.problem.errors?.map((e) => e.field)).toEqual(['to']);
    const long = await failure(
      listSlots({ session_type: typeId, from: new Date(now).toISOString(), to: new Date(now + 100 * 86_400_000).toISOString(), tz: 'Europe/Berlin' }, client),
    );
    expect(long.problem.errors?.map((e) => e.field)).toEqual(['to']);
    const unknown = await failure(
      listSlots({ session_type: 'st_nope', from: new Date(now).toISOString(), to: new Date(now + 86_400_000).toISOString(), tz: 'Europe/Berlin' }, client),
    );
    expect(unknown.status).toBe(404);
  });

  it('refuses bookings that break the rules, each with a clear answer', async () => {
    const client = ana.browser.client;
    const slot = slots[10]!;
    const offStep = new Date(new Date(slot.start).getTime() + 10 * 60_000).toISOString();
    const past = new Date(Date.now() - 3600_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const far = new Date(Date.now() + 40 * 86_400_000).toISOString();
    for (const start of [offStep, past, far]) {
      const refused = await failure(createBooking(request(start), newBookingKey(), client));
      expect(refused.status, start).toBe(400);
      expect(refused.problem.errors?.map((e) => e.field)).toEqual(['start']);
    }
    const outside = await failure(
      createBooking(request(slot.start, { client_location: { country: 'US', region: 'CA' } }), newBookingKey(), client),
    );
    expect(outside.status).toBe(403);
    expect(outside.problem.type).toBe('urn:securebase:problem:outside-jurisdiction');
    expect(outside.problem.detail).toBe('I can only offer sessions to people in the UK, Germany and New York.');
    const many = await failure(
      createBooking(
        request(slot.start, { intake: { hopes: 'x'.repeat(2001), extra: 'y' }, policy_accepted: false, time_zone: 'Nowhere/Land' }),
        newBookingKey(),
        client,
      ),
    );
    expect(many.status).toBe(400);
    expect(many.problem.errors?.map((e) => e.field)).toEqual(['time_zone', 'policy_accepted', 'intake.hopes', 'intake.extra']);
    expect((await listBookings(client)).bookings).toEqual([]);
  });

  it('books once per key, mails both people an invitation, and answers a taken slot with fresh times', async () => {
    const client = ana.browser.client;
    const slot = slots[20]!;
    const key = newBookingKey();
    const booked = await createBooking(request(slot.start), key, client);
    expect(booked.status).toBe('confirmed');
    expect(booked.start).toBe(slot.start);
    expect(booked.video_url).toMatch(/^https:\/\/meet\.example\.org\/SecureBase-[0-9a-f]{24}$/);
    expect(booked.local_start).toBe(slot.local);
    const replay = await createBooking(request(slot.start), key, client);
    expect(replay.id).toBe(booked.id);
    const reused = await failure(createBooking(request(slots[40]!.start), key, client));
    expect(reused.status).toBe(409);
    expect(reused.problem.type).toBe('urn:securebase:problem:idempotency-key-reused');

    const ben = await verifiedLearner({ baseUrl: server.baseUrl });
    const taken = await failure(createBooking(request(slot.start), newBookingKey(), ben.browser.client));
    expect(taken.status).toBe(409);
    expect(taken.problem.type).toBe('urn:securebase:problem:slot-taken');
    const fresh = takenSlots(taken) ?? [];
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.map((s) => s.start)).not.toContain(slot.start);

    const mail = await waitForMail({ to: ana.email, subject: /^Your session is booked/ });
    expect(mail.text).toContain(booked.video_url!);
    expect(mail.text).not.toContain(hopes);
    const invite = calendarOf(mail);
    expect(invite.method).toBe('REQUEST');
    expect(invite.ics).toContain('METHOD:REQUEST');
    expect(invite.ics).toContain(`UID:${booked.id}@securebase`);
    expect(invite.ics).toContain('SEQUENCE:0');
    const dtstart = slot.start.replace(/[-:]/g, '').replace(/\.\d+/, '');
    expect(invite.ics).toContain(`DTSTART:${dtstart}`);
    const hers = await waitForMail({ to: practitioner.email, subject: /^New booking/ });
    expect(calendarOf(hers).ics).toContain(`UID:${booked.id}@securebase`);

    // Her calendar says it has answers, without them; the log never holds them.
    const calendar = await consoleApi.listBookings({}, her);
    const row = calendar.bookings.find((b) => b.id === booked.id)!;
    expect(row.has_intake).toBe(true);
    expect(row.intake).toBeUndefined();
    expect(JSON.stringify(calendar)).not.toContain(hopes);
    expect(readFileSync(server.logFile, 'utf8')).not.toContain('partner is away');
  });

  it('shows her a session’s answers when she opens them, on the audit log first, where the client sees it', async () => {
    const client = ana.browser.client;
    const booked = await createBooking(request(slots[24]!.start), newBookingKey(), client);
    const row = (await consoleApi.listBookings({}, her)).bookings.find((b) => b.id === booked.id)!;
    const anaId = row.client!.id!;
    const before = (await getAudit({ action: 'intake.read', subject: anaId }, her)).entries.length;

    const opened = await consoleApi.getBookingIntake(booked.id, her);
    expect(opened.booking).toBe(booked.id);
    expect(opened.intake).toEqual([{ id: 'hopes', question: 'What would you like help with?', answer: hopes }]);

    // One row: her, about Ana, naming the booking and never the answers.
    const rows = (await getAudit({ action: 'intake.read', subject: anaId }, her)).entries;
    expect(rows).toHaveLength(before + 1);
    expect(rows[0]).toMatchObject({ action: 'intake.read', subject: { id: anaId }, detail: `booking:${booked.id}` });
    expect(rows[0]!.actor?.name).toBe(practitioner.display_name);
    expect(JSON.stringify(rows)).not.toContain(hopes);
    // Ana's "who has looked" tells her so.
    const looks = (await getShareReads(20, client)).reads;
    expect(looks[0]).toMatchObject({ action: 'intake.read', detail: `booking:${booked.id}` });
    expect(looks[0]!.practitioner.name).toBe(practitioner.display_name);

    // Only she may open them, and only a booking that exists.
    const other = await verifiedLearner({ baseUrl: server.baseUrl });
    expect((await failure(consoleApi.getBookingIntake(booked.id, other.browser.client))).status).toBe(403);
    const missing = await failure(consoleApi.getBookingIntake('bk_00000000000000000000000000000000', her));
    expect(missing.status).toBe(404);
    expect(missing.problem.type).toBe('urn:securebase:problem:not-found');
    expect((await getAudit({ action: 'intake.read', subject: anaId }, her)).entries).toHaveLength(before + 1);
  });

  it('lets 52 concurrent requests for one slot make exactly one booking', async () => {
    const racers = await Promise.all([0, 1, 2, 3].map(() => verifiedLearner({ baseUrl: server.baseUrl })));
    const slot = slots[60]!;
    const attempts = Array.from({ length: 52 }, (_, i) =>
      createBooking(request(slot.start), newBookingKey(), racers[i % racers.length]!.browser.client).then(
        () => 201,
        (e: { status?: number }) => e.status ?? 0,
      ),
    );
    const statuses = await Promise.all(attempts);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(51);
    const calendar = await consoleApi.listBookings({}, her);
    expect(calendar.bookings.filter((b) => b.start === slot.start && b.status === 'confirmed')).toHaveLength(1);
  });

  it('cancels within the policy and mails a CANCEL; refuses inside the late window', async () => {
    const client = ana.browser.client;
    const later = slots.find((s) => new Date(s.start).getTime() > Date.now() + 5 * 86_400_000)!;
    const booked = await createBooking(request(later.start), newBookingKey(), client);
    await waitForMail({ to: ana.email, subject: /^Your session is booked/ });
    const moved = await rescheduleBooking(booked.id, { start: slots[slots.length - 1]!.start, time_zone: 'Europe/Berlin' }, client);
    expect(moved.sequence).toBe(1);
    expect(calendarOf(await waitForMail({ to: ana.email, subject: /^Your session has moved/ })).ics).toContain('SEQUENCE:1');
    const cancelled = await cancelBooking(booked.id, client);
    expect(cancelled.status).toBe('cancelled');
    const mail = await waitForMail({ to: ana.email, subject: /^Your session is cancelled/ });
    const invite = calendarOf(mail);
    expect(invite.method).toBe('CANCEL');
    expect(invite.ics).toContain('SEQUENCE:2');

    const soon = await createBooking(request(slots[0]!.start), newBookingKey(), client);
    const late = await failure(cancelBooking(soon.id, client));
    expect(late.status).toBe(409);
    expect(late.problem.type).toBe('urn:securebase:problem:late-change-refused');
    expect(soon.can_change).toBe(false);
  });
});

describe('the waitlist', () => {
  it('lets clients wait when nothing is free, and mails them in order when a time opens', async () => {
    const fullType = await consoleApi.createSessionType(
      {
        name: 'Long consultation',
        description: '',
        duration_minutes: 90,
        buffer_before_minutes: 0,
        buffer_after_minutes: 0,
        // Nothing can be both 24 hours away and within a day on a 7-minute step.
        minimum_notice_minutes: 1440,
        horizon_days: 1,
        slot_step_minutes: 7,
        price: 'free',
        new_clients: true,
        active: true,
        intake: [],
      },
      her,
    );
    const [first, second] = await Promise.all([verifiedLearner({ baseUrl: server.baseUrl }), verifiedLearner({ baseUrl: server.baseUrl })]);
    const { joinWaitlist, listWaitlist, leaveWaitlist } = await import('../../web/src/api/scheduling');
    const a = await joinWaitlist(fullType.id, first!.browser.client);
    const b = await joinWaitlist(fullType.id, second!.browser.client);
    expect(a.session_type).toBe(fullType.id);
    const twice = await failure(joinWaitlist(fullType.id, first!.browser.client));
    expect(twice.problem.type).toBe('urn:securebase:problem:already-waiting');
    const free = await failure(joinWaitlist(typeId, first!.browser.client));
    expect(free.problem.type).toBe('urn:securebase:problem:slots-available');
    expect((await listWaitlist(first!.browser.client)).entries.map((e) => e.id)).toEqual([a.id]);
    const waiting = await consoleApi.listWaitlist(her);
    expect(waiting.entries.map((e) => e.id)).toEqual([a.id, b.id]);

    // She opens her diary further ahead: both are told, first come first.
    await consoleApi.updateSessionType(fullType.id, { ...fullType, horizon_days: 30, slot_step_minutes: 30 }, her);
    const toFirst = await waitForMail({ to: first!.email, subject: /^A time has opened/ });
    const toSecond = await waitForMail({ to: second!.email, subject: /^A time has opened/ });
    expect(toFirst.links.some((l) => l.includes(`/sessions/book?type=${fullType.id}`))).toBe(true);
    expect(toSecond.links.some((l) => l.includes(`/sessions/book?type=${fullType.id}`))).toBe(true);
    await leaveWaitlist(a.id, first!.browser.client);
    expect((await listWaitlist(first!.browser.client)).entries).toEqual([]);
  });
});

describe('her calendar feed', () => {
  it('serves her sessions at a secret address, without clients, until she revokes it', async () => {
    const created = await consoleApi.createCalendarFeed(her);
    const url = new URL(created.url);
    expect(url.pathname).toMatch(/^\/calendar\/[0-9a-f]{64}\.ics$/);
    const feed = await fetch(`${server.baseUrl}${url.pathname}`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    const ics = await feed.text();
    expect(ics).toContain('METHOD:PUBLISH');
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).not.toContain('partner is away');
    expect(ics).not.toMatch(/ATTENDEE|learner-/);
    expect((await consoleApi.getCalendarFeed(her)).active).toBe(true);
    const wrong = await fetch(`${server.baseUrl}/calendar/${'0'.repeat(64)}.ics`);
    expect(wrong.status).toBe(404);
    await consoleApi.revokeCalendarFeed(her);
    expect((await fetch(`${server.baseUrl}${url.pathname}`)).status).toBe(404);
  });
});
