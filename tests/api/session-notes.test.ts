// The practitioner's session notes through the real binary, on a server of its own (its own
// practitioner, a colleague made with `securebase user add`, two clients with a booking each):
// writing, listing newest first, changing and deleting; every bad input named; another
// practitioner's note is not there; learners and the signed-out refused on every route; no
// learner route shows a note; and the words are neither in the database nor in the server's log.
// Each write and delete is in the audit log by note id. Runs on SQLite, and on PostgreSQL when the
// suite does (a database of its own: support/server.ts ownDatabase).
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { confirmTwoFactorEnrolment, login, startTwoFactorEnrolment } from '../../web/src/api/auth';
import type { ApiClient } from '../../web/src/api/client';
import { changeNote, deleteNote, listClientNotes, writeClientNote, type SessionNote } from '../../web/src/api/console-notes';
import { getMe } from '../../web/src/api/me';
import type { Booking } from '../../web/src/api/scheduling';
import { totp } from '../e2e/support/totp';
import { bookFreeSlot, openForBooking } from './support/booking-setup';
import { openBrowser, type Browser } from './support/browser';
import { failure } from './support/failure';
import { verifiedLearner, type Learner } from './support/learner';
import { setUpPractitioner } from './support/practitioner';
import { mailEnv, repo, startServer, type RunningServer } from './support/server';

const colleague = { email: `colleague-${Date.now()}@example.org`, password: 'another calm long password' };

let server: RunningServer;
/** The server's database: its own on the PostgreSQL suite, else SQLite in its data folder. */
let database: string;
let her: ApiClient;
let herId: string;
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
/** Every note of hers that is kept, with the words it was last given. */
const written: { id: string; text: string }[] = [];
/** The one she deleted. */
let goneId: string;

interface AuditPage {
  entries: { action: string; actor: { id: string }; subject: { id: string } | null; detail: string }[];
}

async function signInWithTwoFactor(browser: Browser, account: { email: string; password: string }) {
  await login(account, browser.client);
  const enrolment = await startTwoFactorEnrolment(account.password, browser.client);
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

async function write(text: string, bookingId?: string): Promise<SessionNote> {
  const note = await writeClientNote(anaId, { text, booking_id: bookingId }, her);
  written.push({ id: note.id, text: note.text });
  return note;
}

beforeAll(async () => {
  server = await startServer({ ownDatabase: 'notes', env: mailEnv(inject('mailUrl'), inject('mailCaFile')) });
  const prefix = process.env.SB_API_OWN_DATABASE_PREFIX;
  database = prefix ? `${prefix}notes` : `sqlite://${server.dataDir}/securebase.db`;
  her = (await setUpPractitioner(server)).client;
  herId = (await getMe(her)).id;
  addColleague();
  const other = await openBrowser(server.baseUrl);
  await signInWithTwoFactor(other, colleague);
  hers = other.client;

  const typeId = await openForBooking(her);
  [ana, bob] = await Promise.all([
    verifiedLearner({ baseUrl: server.baseUrl }),
    verifiedLearner({ baseUrl: server.baseUrl }),
  ]);
  anaId = (await getMe(ana.browser.client)).id;
  bobId = (await getMe(bob.browser.client)).id;
  anaBooking = await bookFreeSlot(ana, typeId, 2);
  bobBooking = await bookFreeSlot(bob, typeId, 4);
}, 120_000);

afterAll(async () => {
  await server?.stop();
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
    written.splice(written.findIndex((n) => n.id === gone.id), 1);
    goneId = gone.id;
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
    for (const who of ['u_nobody', herId]) {
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
      '/api/v1/shares',
    ];
    for (const p of paths) {
      const res = await client.fetch(p);
      const body = await res.text();
      expect(res.status, p).toBeLessThan(500);
      expect(body, p).not.toContain(secret);
      for (const id of [...written.map((n) => n.id), goneId]) expect(body, p).not.toContain(id);
    }
    expect(written.length).toBeGreaterThan(3);
  });

  it('are in the audit log by id, each write and delete, never by their words', async () => {
    const page = await her.get<AuditPage>(`/api/v1/console/audit?actor=${herId}&limit=200`);
    const notes = page.entries.filter((e) => e.action.startsWith('note.'));
    for (const e of notes) {
      expect(e.subject?.id).toBe(anaId);
      expect(e.detail).toMatch(/^nt_[0-9a-f]{32}$/);
    }
    const count = (action: string, id: string) => notes.filter((e) => e.action === action && e.detail === id).length;
    // The first note: written, then changed.
    expect(count('note.written', written[0]!.id)).toBe(2);
    expect(count('note.deleted', written[0]!.id)).toBe(0);
    expect(count('note.written', goneId)).toBe(1);
    expect(count('note.deleted', goneId)).toBe(1);
    // Nothing else: a refused write, change or delete leaves no row.
    expect(notes.filter((e) => e.action === 'note.deleted')).toHaveLength(1);
    expect(notes.filter((e) => e.action === 'note.written')).toHaveLength(written.length + 2);
    expect(JSON.stringify(page)).not.toContain(secret);
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
