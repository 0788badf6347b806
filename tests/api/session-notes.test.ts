// The practitioner's session notes through the real binary, on a server of its own (its own
// practitioner, a colleague made with `securebase user add`, two clients with a booking each):
// writing, listing newest first, changing and deleting; every bad input named; another
// practitioner's note is not there; learners and the signed-out refused on every route; no
// learner route shows a note; and the words are neither in the database nor in the server's log.
// Runs on SQLite, and on PostgreSQL when the suite does (its own database,
// SB_API_NOTES_DATABASE_URL).
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { confirmTwoFactorEnrolment, login, startTwoFactorEnrolment } from '../../web/src/api/auth';
import type { ApiClient } from '../../web/src/api/client';
import { changeNote, deleteNote, listClientNotes, writeClientNote, type SessionNote } from '../../web/src/api/console-notes';
import * as consoleApi from '../../web/src/api/console-scheduling';
import { getMe } from '../../web/src/api/me';
import { createBooking, listSlots, newBookingKey, type Booking } from '../../web/src/api/scheduling';
import { totp } from '../e2e/support/totp';
import { openBrowser, type Browser } from './support/browser';
import { failure } from './support/failure';
import { verifiedLearner, type Learner } from './support/learner';
import { mailEnv, repo, startServer, type RunningServer } from './support/server';

const practitioner = {
  email: `therapist-${Date.now()}@example.org`,
  password: 'a calm and long password',
  display_name: 'Dr Quinn',
  time_zone: 'Europe/London',
  country: 'GB',
};
const colleague = { email: `colleague-${Date.now()}@example.org`, password: 'another calm long password' };

let server: RunningServer;
let work: string;
let database: string;
let her: ApiClient;
let hers: ApiClient; // the colleague's
let ana: Learner;
let bob: Learner;
let anaId: string;
let bobId: string;
let anaBooking: Booking;
let bobBooking: Booking;
/** Words that appear nowhere else: searched for in the database, the log and learners' answers. */
const secret = `lantern-${randomUUID()}`;
const words = (n: number) => `Spoke about the weekend apart (${secret}-${n}). Calmer by the end.`;
/** Every note written here, with the words it was last given. */
const written: { id: string; text: string }[] = [];

function tokenFromLog(logFile: string): string {
  const line = readFileSync(logFile, 'utf8')
    .split('\n')
    .find((l) => l.includes('"event":"setup_needed"'));
  return (JSON.parse(line!) as { setup_token: string }).setup_token;
}

async function signInWithTwoFactor(browser: Browser, account: { email: string; password: string }) {
  await login(account, browser.client);
  const enrolment = await startTwoFactorEnrolment(browser.client);
  await confirmTwoFactorEnrolment(totp(enrolment.secret), browser.client);
}

/** A practitioner made as an operator would, on the server's own database. */
function addColleague() {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('SECUREBASE_')) env[k] = v;
  const binary = process.env.SB_BINARY ?? path.join(repo, 'build/debug/securebase');
  const run = spawnSync(
    binary,
    ['user', 'add', '--database', database, '--data-dir', server.dataDir, '--email', colleague.email, '--role', 'practitioner', '--password-stdin'],
    { input: `${colleague.password}\n`, env, encoding: 'utf8' },
  );
  expect(run.status, run.stderr).toBe(0);
}

async function book(learner: Learner, nth: number): Promise<Booking> {
  const from = new Date(Date.now() + 3 * 3600_000);
  const to = new Date(from.getTime() + 7 * 86_400_000);
  const types = await consoleApi.listSessionTypes(her);
  const type = types.session_types[0]!.id;
  const { slots } = await listSlots(
    { session_type: type, from: from.toISOString(), to: to.toISOString(), tz: 'Europe/Madrid' },
    learner.browser.client,
  );
  return createBooking(
    {
      session_type: type,
      start: slots[nth]!.start,
      time_zone: 'Europe/Madrid',
      client_location: { country: 'ES', region: '' },
      intake: {},
      policy_accepted: true,
    },
    newBookingKey(),
    learner.browser.client,
  );
}

async function write(text: string, bookingId?: string): Promise<SessionNote> {
  const note = await writeClientNote(anaId, { text, booking_id: bookingId }, her);
  written.push({ id: note.id, text: note.text });
  return note;
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'sb-notes-'));
  database = process.env.SB_API_NOTES_DATABASE_URL ?? `sqlite://${work}/notes.db`;
  server = await startServer({ database, env: mailEnv(inject('mailUrl'), inject('mailCaFile')) });
  const browser = await openBrowser(server.baseUrl);
  await browser.client.post('/api/v1/setup', { ...practitioner, token: tokenFromLog(server.logFile) });
  await signInWithTwoFactor(browser, practitioner);
  her = browser.client;
  addColleague();
  const other = await openBrowser(server.baseUrl);
  await signInWithTwoFactor(other, colleague);
  hers = other.client;

  // Her hours, her terms and one kind of session, so that the clients can book.
  const weekly = (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((weekday) => ({
    weekday,
    start: '00:00',
    end: '24:00',
  }));
  await consoleApi.saveSchedule({ time_zone: 'Europe/London', weekly, overrides: [] }, her);
  await consoleApi.saveBookingSettings(
    {
      served: { countries: ['GB', 'ES'], us_states: [] },
      outside_message: '',
      video: { mode: 'none' },
      cancellation: { late_window_hours: 24, late_action: 'allow', text: '' },
    },
    her,
  );
  await consoleApi.createSessionType(
    {
      name: 'Therapy session',
      description: '',
      duration_minutes: 50,
      buffer_before_minutes: 0,
      buffer_after_minutes: 10,
      minimum_notice_minutes: 60,
      horizon_days: 30,
      slot_step_minutes: 60,
      price: '',
      new_clients: true,
      active: true,
      intake: [],
    },
    her,
  );
  [ana, bob] = await Promise.all([
    verifiedLearner({ baseUrl: server.baseUrl }),
    verifiedLearner({ baseUrl: server.baseUrl }),
  ]);
  anaId = (await getMe(ana.browser.client)).id;
  bobId = (await getMe(bob.browser.client)).id;
  anaBooking = await book(ana, 2);
  bobBooking = await book(bob, 4);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('session notes', () => {
  it('are written, listed newest first, changed and deleted', async () => {
    const first = await write(`\n  ${words(1)}  \n`);
    expect(first.id).toMatch(/^nt_[0-9a-f]{32}$/);
    expect(first.text).toBe(words(1));
    expect(first).toMatchObject({ client_id: anaId, booking_id: null, booking_start: null });
    expect(first.updated_at).toBe(first.written_at);

    const tied = await write(words(2), anaBooking.id);
    expect(tied.booking_id).toBe(anaBooking.id);
    expect(tied.booking_start).toBe(anaBooking.start);

    const listed = await listClientNotes(anaId, her);
    expect(listed.unreadable).toEqual([]);
    // Newest first (the server keeps milliseconds; the API shows whole seconds).
    expect(listed.notes.map((n) => n.id)).toEqual([tied.id, first.id]);
    expect(listed.notes.find((n) => n.id === tied.id)).toEqual(tied);

    const changed = await changeNote(first.id, ` ${words(3)}\n`, her);
    written.find((n) => n.id === first.id)!.text = changed.text;
    expect(changed).toMatchObject({ id: first.id, text: words(3), written_at: first.written_at, booking_id: null });
    expect(Date.parse(changed.updated_at)).toBeGreaterThanOrEqual(Date.parse(first.written_at));

    const gone = await write(words(4));
    await expect(deleteNote(gone.id, her)).resolves.toBeUndefined();
    expect((await listClientNotes(anaId, her)).notes.map((n) => n.id)).not.toContain(gone.id);
    expect((await failure(deleteNote(gone.id, her))).status).toBe(404);
    expect((await failure(changeNote(gone.id, 'Back again.', her))).status).toBe(404);
    // Nothing about Bob yet: notes are about one client.
    expect(await listClientNotes(bobId, her)).toEqual({ notes: [], unreadable: [] });
  });

  it('refuse bad input, naming each field', async () => {
    const fields = async (promise: Promise<unknown>) => {
      const refused = await failure(promise);
      expect(refused.status).toBe(400);
      expect(refused.problem.type).toBe('urn:securebase:problem:invalid-argument');
      return refused.problem.errors?.map((e) => e.field);
    };
    const post = (body: unknown, client = anaId) => her.post(`/api/v1/console/clients/${client}/notes`, body);
    expect(await fields(post({ text: '' }))).toEqual(['text']);
    expect(await fields(post({ text: ' \n\t ' }))).toEqual(['text']);
    expect(await fields(post({}))).toEqual(['text']);
    const tooLong = await failure(post({ text: 'é'.repeat(20_001) }));
    expect(tooLong.problem.errors).toEqual([{ field: 'text', message: 'is too long: at most 20,000 characters, please' }]);
    expect(await fields(post({ text: 5, booking_id: 7 }))).toEqual(['text', 'booking_id']);
    expect(await fields(post({ text: 'Fine words.', mood: 'calm' }))).toEqual(['mood']);
    // A session of another client's, or none, is not hers to tie the note to.
    expect(await fields(post({ text: 'Fine words.', booking_id: bobBooking.id }))).toEqual(['booking_id']);
    expect(await fields(post({ text: 'Fine words.', booking_id: 'bk_nothing' }))).toEqual(['booking_id']);
    expect(await fields(post({ text: '', booking_id: bobBooking.id }))).toEqual(['text', 'booking_id']);
    // The longest note fits, in characters beyond the Basic Multilingual Plane too.
    const longest = await write('😀'.repeat(20_000));
    expect([...longest.text]).toHaveLength(20_000);

    const note = written[0]!;
    const put = (body: unknown) => her.put(`/api/v1/console/notes/${note.id}`, body);
    expect(await fields(put({ text: '  ' }))).toEqual(['text']);
    expect(await fields(put({ text: ['a'] }))).toEqual(['text']);
    expect(await fields(put({ text: 'Fine words.', booking_id: anaBooking.id }))).toEqual(['booking_id']);
    expect((await listClientNotes(anaId, her)).notes.find((n) => n.id === note.id)?.text).toBe(note.text);

    // Not a client: no account, or hers.
    for (const who of ['u_nobody', (await getMe(her)).id]) {
      const missing = await failure(post({ text: 'Fine words.' }, who));
      expect(missing.status).toBe(404);
      expect(missing.problem.type).toBe('urn:securebase:problem:not-found');
      expect((await failure(listClientNotes(who, her))).status).toBe(404);
    }
    expect((await failure(changeNote('nt_nothing', 'Fine words.', her))).status).toBe(404);
  });

  it('are each practitioner’s own: another’s note is not there', async () => {
    const mine = await write(words(5));
    expect(await listClientNotes(anaId, hers)).toEqual({ notes: [], unreadable: [] });
    const changed = await failure(changeNote(mine.id, 'Taken over.', hers));
    expect(changed.status).toBe(404);
    expect(changed.problem.type).toBe('urn:securebase:problem:not-found');
    expect((await failure(deleteNote(mine.id, hers))).status).toBe(404);
    const theirs = await writeClientNote(anaId, { text: 'The colleague’s own words.' }, hers);
    expect((await listClientNotes(anaId, hers)).notes.map((n) => n.id)).toEqual([theirs.id]);
    const still = (await listClientNotes(anaId, her)).notes.find((n) => n.id === mine.id);
    expect(still?.text).toBe(words(5));
    expect((await listClientNotes(anaId, her)).notes.map((n) => n.id)).not.toContain(theirs.id);
  });

  it('are refused to learners and to the signed-out, on every route', async () => {
    const note = written[0]!;
    const signedOut = (await openBrowser(server.baseUrl)).client;
    for (const [client, status] of [
      [ana.browser.client, 403],
      [signedOut, 401],
    ] as const) {
      const calls: (() => Promise<unknown>)[] = [
        () => listClientNotes(anaId, client),
        () => writeClientNote(anaId, { text: 'Not mine to write.' }, client),
        () => changeNote(note.id, 'Not mine to change.', client),
        () => deleteNote(note.id, client),
      ];
      for (const call of calls) expect((await failure(call())).status).toBe(status);
    }
    expect((await listClientNotes(anaId, her)).notes.find((n) => n.id === note.id)?.text).toBe(note.text);
  });

  it('are never shown to the client', async () => {
    const client = ana.browser;
    const paths = [
      '/api/v1/me',
      '/api/v1/bookings',
      `/api/v1/bookings/${anaBooking.id}`,
      '/api/v1/session-types',
      '/api/v1/waitlist',
      '/api/v1/checkins',
      '/api/v1/plan',
      '/api/v1/courses',
      '/api/v1/practice-sessions',
      '/api/v1/practice-stats',
      '/api/v1/journal/entries',
      '/api/v1/journal/insights',
      '/api/v1/journal/export?format=json',
      '/api/v1/journal/export?format=markdown',
    ];
    for (const p of paths) {
      const res = await client.fetch(p);
      const body = await res.text();
      expect(res.status, p).toBeLessThan(500);
      expect(body, p).not.toContain(secret);
      for (const n of written) expect(body, p).not.toContain(n.id);
    }
    expect(written.length).toBeGreaterThan(3);
  });

  it('keep their words out of the database and the server’s log', async () => {
    const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');
    let stored: string;
    if (database.startsWith('sqlite://')) {
      const file = database.slice('sqlite://'.length);
      stored = [file, `${file}-wal`]
        .filter((f) => existsSync(f))
        .map((f) => readFileSync(f).toString('latin1'))
        .join('\n');
      // The notes are there: the check below is not of an empty file.
      for (const n of written) expect(stored).toContain(n.id);
    } else {
      stored = execFileSync('pg_dump', ['--data-only', database], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      for (const n of written) expect(stored).toContain(n.id);
    }
    expect(stored).not.toContain(secret);
    expect(stored.toLowerCase()).not.toContain(hex(secret));
    expect(stored).not.toContain('The colleague’s own words');

    const log = readFileSync(server.logFile, 'utf8');
    expect(log).toContain('/api/v1/console/clients/{id}/notes');
    expect(log).not.toContain(secret);
    expect(log).not.toContain('colleague’s own words');
  });
});
