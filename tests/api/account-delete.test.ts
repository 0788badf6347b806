// Deleting an account (DELETE /api/v1/me, docs/api/accounts.md#deleting-your-account) through the
// real binary, on a server of its own with its own practitioner and a clock the test can move:
// a wrong or missing password, or a missing or wrong code when two-factor is on, deletes nothing;
// the happy path leaves no row naming the learner in any table of the database (every table is
// looked at, so a table added later and forgotten by the deletion fails here), forgets their
// unsent mail and the counters keyed by them, keeps the past session de-identified and cancels the
// coming one (she is told without a name), leaves another learner untouched, signs the browser
// out, refuses the old credentials like any unknown account and lets the email sign up again; on
// SQLite the sealed journal text is in neither the database file nor its WAL afterwards. Wrong
// passwords are throttled like log-in. Runs on SQLite, and on PostgreSQL when the suite does.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  confirmTwoFactorEnrolment,
  forgotPassword,
  login,
  startTwoFactorEnrolment,
  submitTwoFactorCode,
} from '../../web/src/api/auth';
import { newIdempotencyKey, submitCheckin } from '../../web/src/api/checkins';
import type { ApiClient } from '../../web/src/api/client';
import { getAudit, listClients } from '../../web/src/api/console-clients';
import { writeClientNote } from '../../web/src/api/console-notes';
import * as consoleApi from '../../web/src/api/console-scheduling';
import { newEntryId, saveEntry } from '../../web/src/api/journal';
import { deleteAccount, getMe } from '../../web/src/api/me';
import { newPracticeSessionId, recordPracticeSession } from '../../web/src/api/practice-sessions';
import { getBooking } from '../../web/src/api/scheduling';
import { putShare } from '../../web/src/api/shares';
import { totp } from '../e2e/support/totp';
import { bookFreeSlot, openForBooking } from './support/booking-setup';
import { failure } from './support/failure';
import { learnerPassword, signUpLearner, verifiedLearner, type Learner } from './support/learner';
import { waitForMail } from './support/mail-sink';
import { setUpPractitioner, type Practitioner } from './support/practitioner';
import { mailEnv, startServer, type RunningServer } from './support/server';
import { openBrowser } from './support/browser';

let server: RunningServer;
let work: string;
let clockFile: string;
let database: string;
let her: Practitioner;
let herId: string;
let typeId: string;

const hour = 3600;
/** Moves the server's clock `seconds` ahead of real time. */
function moveClock(seconds: number) {
  writeFileSync(clockFile, `${seconds}\n`);
}

/** SQL on the server's own database: psql for PostgreSQL, the sqlite3 CLI for its SQLite file. */
function sql(statement: string): string {
  if (database.startsWith('postgresql://')) {
    return execFileSync('psql', [database, '-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-c', statement], {
      encoding: 'utf8',
    });
  }
  return execFileSync('sqlite3', ['-cmd', '.timeout 5000', path.join(server.dataDir, 'securebase.db'), statement], {
    encoding: 'utf8',
  });
}
const rows = (statement: string) =>
  sql(statement)
    .split('\n')
    .filter((l) => l !== '');
const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Every table of the schema, each with its columns. */
function schema(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const listed = database.startsWith('postgresql://')
    ? rows(
        "SELECT table_name || '|' || column_name FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position",
      )
    : rows(
        "SELECT m.name || '|' || p.name FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.cid",
      );
  for (const line of listed) {
    const [table, column] = line.split('|') as [string, string];
    out.set(table, [...(out.get(table) ?? []), column]);
  }
  return out;
}

/** Per table, how many rows hold any of `needles` in any column (as text). */
function rowsNaming(needles: string[]): Record<string, number> {
  const found: Record<string, number> = {};
  for (const [table, columns] of schema()) {
    const tests = columns.flatMap((c) => needles.map((n) => `CAST("${c}" AS TEXT) LIKE ${quote(`%${n}%`)}`));
    const count = Number(sql(`SELECT COUNT(*) FROM ${table} WHERE ${tests.join(' OR ')}`).trim());
    if (count > 0) found[table] = count;
  }
  return found;
}

/** The keys of the counters' tables (hashes that name an account or an address). */
function counterKeys(): Set<string> {
  return new Set([...rows('SELECT key FROM login_failures'), ...rows('SELECT key FROM rate_counters')]);
}

/** The server's key hash (libsodium's generichash: BLAKE2b, 32 bytes), by coreutils' b2sum. */
function keyHash(text: string): string {
  return execFileSync('b2sum', ['-l', '256'], { input: text, encoding: 'utf8' }).split(' ')[0]!;
}

/** A learner on this server with a little of everything. */
async function busyLearner(): Promise<Learner & { id: string; entryId: string; words: string }> {
  const learner = await verifiedLearner({ baseUrl: server.baseUrl });
  const c = learner.browser.client;
  const id = (await getMe(c)).id;
  const words = `The kettle clicked and I waited ${Math.random().toString(36).slice(2, 10)}.`;
  const entryId = newEntryId();
  await saveEntry(
    entryId,
    { kind: 'reflection', occurred_at: new Date().toISOString(), tags: [], reflection: { text: words, lesson_id: '', prompt_id: '' } },
    c,
  );
  const q = await c.get<{ items: { id: string }[] }>('/api/v1/questionnaires/attachment');
  await submitCheckin(
    { questionnaire_id: 'attachment', answers: Object.fromEntries(q.items.map((i) => [i.id, 3])) },
    newIdempotencyKey(),
    c,
  );
  await recordPracticeSession(
    {
      id: newPracticeSessionId(),
      practice_id: 'resonance-breathing',
      started_at: new Date(Date.now() - 3600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
      duration_seconds: 240,
      distress_before: 5,
      distress_after: 3,
    },
    c,
  );
  await putShare({ practitioner_id: herId, checkins: true, practice: true, course: false, journal_entries: [entryId] }, c);
  return { ...learner, id, entryId, words };
}

/** Her console, logged in afresh with a code for the server's time (`ahead` seconds on). */
async function herConsole(ahead: number): Promise<ApiClient> {
  const browser = await openBrowser(server.baseUrl);
  await login({ email: her.details.email, password: her.details.password }, browser.client);
  await submitTwoFactorCode(totp(her.secret, Date.now() + ahead * 1000), browser.client);
  return browser.client;
}

async function deleteWith(client: ApiClient, body: unknown) {
  return failure(client.delete('/api/v1/me', { body }));
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'sb-delete-'));
  clockFile = path.join(work, 'clock');
  moveClock(0);
  server = await startServer({
    ownDatabase: 'account_delete',
    env: { ...mailEnv(inject('mailUrl'), inject('mailCaFile')), SECUREBASE_TEST_CLOCK_FILE: clockFile },
  });
  const prefix = process.env.SB_API_OWN_DATABASE_PREFIX;
  database = prefix ? `${prefix}account_delete` : `sqlite://${server.dataDir}/securebase.db`;
  her = await setUpPractitioner(server);
  herId = (await getMe(her.client)).id;
  typeId = await openForBooking(her.client);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('deleting your account', () => {
  it('refuses a wrong or missing password, and a missing or wrong code, deleting nothing', async () => {
    const ana = await verifiedLearner({ baseUrl: server.baseUrl });
    const c = ana.browser.client;

    const wrong = await deleteWith(c, { password: 'not the password at all' });
    expect(wrong.status).toBe(400);
    expect(wrong.problem.type).toBe('urn:securebase:problem:invalid-argument');
    expect(wrong.errors.map((e) => e.field)).toEqual(['password']);
    const missing = await deleteWith(c, {});
    expect(missing.status).toBe(400);
    expect(missing.errors.map((e) => e.field)).toEqual(['password']);
    const notJson = await c.delete('/api/v1/me').catch((e: unknown) => e);
    expect((notJson as { status: number }).status).toBe(400);
    expect((await getMe(c)).email).toBe(ana.email);

    // With two-factor on, a code is asked for too.
    const enrolment = await startTwoFactorEnrolment(learnerPassword, c);
    await confirmTwoFactorEnrolment(totp(enrolment.secret), c);
    const noCode = await deleteWith(c, { password: learnerPassword });
    expect(noCode.status).toBe(400);
    expect(noCode.errors.map((e) => e.field)).toEqual(['code']);
    const wrongCode = await deleteWith(c, { password: learnerPassword, code: 'not-a-code-of-yours' });
    expect(wrongCode.status).toBe(400);
    expect(wrongCode.problem.type).toBe('urn:securebase:problem:invalid-code');
    expect((await getMe(c)).email).toBe(ana.email);
    expect(rows(`SELECT id FROM users WHERE email = ${quote(ana.email)}`)).toHaveLength(1);

    // A recovery code does: the account goes.
    await deleteAccount({ password: learnerPassword, code: enrolment.recovery_codes[0]! }, c);
    expect(rows(`SELECT id FROM users WHERE email = ${quote(ana.email)}`)).toEqual([]);
  });

  it('throttles wrong passwords like log-in, and the account stays', async () => {
    const ana = await verifiedLearner({ baseUrl: server.baseUrl });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      statuses.push((await deleteWith(ana.browser.client, { password: `wrong guess number ${i}` })).status);
    }
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses.at(-1)).toBe(429);
    // Throttled: even the right password waits now.
    const waiting = await deleteWith(ana.browser.client, { password: learnerPassword });
    expect(waiting.status).toBe(429);
    expect((await getMe(ana.browser.client)).email).toBe(ana.email);
  });

  it('removes every row naming the learner, keeps the past session de-identified and cancels the coming one', async () => {
    const bob = await busyLearner();
    const bobBooking = await bookFreeSlot(bob, typeId, 12);

    const ana = await busyLearner();
    const c = ana.browser.client;
    // A wrong log-in and a download: counters keyed by Ana's account (and by her address).
    await failure(login({ email: ana.email, password: 'wrong password here' }, (await openBrowser(server.baseUrl)).client));
    expect((await ana.browser.fetch('/api/v1/me/export')).status).toBe(200);
    const anaKeys = [keyHash(`login-account:${ana.email}`), keyHash(`export:account:${ana.id}`)];
    const before = counterKeys();
    for (const key of anaKeys) expect(before.has(key), `counter ${key}`).toBe(true);
    await forgotPassword(ana.email, c); // a reset link (account_tokens) and mail in the outbox
    const enrolment = await startTwoFactorEnrolment(learnerPassword, c); // two_factor and recovery_codes rows
    await confirmTwoFactorEnrolment(totp(enrolment.secret), c);
    const past = await bookFreeSlot(ana, typeId, 0);
    const coming = await bookFreeSlot(ana, typeId, 24);
    await writeClientNote(ana.id, { text: 'Ana spoke about her sister.', booking_id: past.id }, her.client);
    // A place on the waitlist (joining needs a full calendar, so it is put there directly).
    sql(`INSERT INTO waitlist (id, client_id, session_type_id, joined_at) VALUES ('wl_test_${ana.id}', '${ana.id}', '${typeId}', 0)`);
    const sealed = sql(`SELECT sealed_body FROM journal_entries WHERE id = '${ana.entryId}'`).trim();
    expect(sealed).toMatch(/^[0-9a-f]{64,}$/);

    // Before: Ana is named across the database (so the check after it is not empty-handed).
    const naming = rowsNaming([ana.id, ana.email]);
    for (const table of ['users', 'sessions', 'account_tokens', 'two_factor', 'recovery_codes', 'checkins', 'practice_sessions', 'journal_entries', 'shares', 'shared_journal_entries', 'bookings', 'session_notes', 'waitlist']) {
      expect(naming[table], table).toBeGreaterThan(0);
    }

    const sqliteFiles = database.startsWith('postgresql://')
      ? []
      : ['securebase.db', 'securebase.db-wal'].map((f) => path.join(server.dataDir, f)).filter((f) => existsSync(f));
    const holdSealed = () => sqliteFiles.filter((f) => existsSync(f) && readFileSync(f).includes(Buffer.from(sealed)));
    if (sqliteFiles.length > 0) expect(holdSealed(), 'the sealed entry is in the files before').not.toEqual([]);

    // Six hours on: the first session has happened, the other has not.
    moveClock(6 * hour);
    const answer = await ana.browser.fetch('/api/v1/me', {
      method: 'DELETE',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': ana.browser.cookies.get('csrf')! },
      body: JSON.stringify({ password: learnerPassword, code: enrolment.recovery_codes[0] }),
    });
    expect(answer.status, await answer.clone().text()).toBe(204);
    expect(answer.headers.get('clear-site-data')).toBe('"cache", "cookies"');
    expect(answer.headers.get('set-cookie')).toMatch(/Max-Age=0/i);
    expect((await failure(getMe(c))).status).toBe(401);

    // No row names Ana, in any table, but the audit log's by id.
    expect(rowsNaming([ana.id, ana.email])).toEqual({ audit_log: expect.any(Number) });
    expect(rows(`SELECT COUNT(*) FROM audit_log WHERE actor_id = '${ana.id}' OR subject_id = '${ana.id}'`)).not.toEqual(['0']);
    expect(rows(`SELECT COUNT(*) FROM users WHERE id = '${ana.id}'`)).toEqual(['0']);
    const left = counterKeys();
    for (const key of anaKeys) expect(left.has(key), `counter ${key}`).toBe(false);
    // Those by address stay (a deletion resets no limit on where requests come from).
    const anyOfAnas = new Set([
      ...['sign_up', 'password_forgot', 'password_reset', 'booking', 'export'].flatMap((action) =>
        [ana.id, ana.email].map((who) => keyHash(`${action}:account:${who}`)),
      ),
      keyHash(`login-account:${ana.email}`),
      keyHash(`code-account:${ana.id}`),
    ]);
    for (const key of anyOfAnas) expect(left.has(key), `counter ${key}`).toBe(false);
    for (const key of before) if (!anyOfAnas.has(key)) expect(left.has(key), `address counter ${key}`).toBe(true);

    // Her records: the past session kept without anyone; the coming one cancelled. (Six hours
    // on, her session has lapsed: she logs in again.)
    const console_ = await herConsole(6 * hour);
    const kept = rows(
      `SELECT id || '|' || COALESCE(client_id, '-') || '|' || status || '|' || sealed_intake || '|' || country FROM bookings WHERE id IN ('${past.id}', '${coming.id}') ORDER BY starts_at`,
    );
    expect(kept).toEqual([`${past.id}|-|confirmed||`, `${coming.id}|-|cancelled||`]);
    const onHerCalendar = await consoleApi.listBookings(
      { from: new Date(Date.now() - 2 * 86_400_000).toISOString(), to: new Date(Date.now() + 7 * 86_400_000).toISOString() },
      console_,
    );
    const shown = onHerCalendar.bookings.find((b) => b.id === past.id);
    expect(shown).toMatchObject({ former_client: true, client: null });
    expect(JSON.stringify(shown)).not.toContain(ana.email);
    const cancelledMail = await waitForMail({ to: her.details.email, subject: /Booking cancelled/ });
    expect(cancelledMail.text).toContain('A client cancelled their Therapy session');
    expect(cancelledMail.text).not.toContain('Rosa');
    expect(JSON.stringify(await listClients(console_))).not.toContain(ana.id);
    const audit = await getAudit({ action: 'account.deleted' }, console_);
    expect(audit.entries.map((e) => [e.subject?.id, e.detail])).toContainEqual([ana.id, 'by the account holder']);

    // Bob is untouched.
    expect(rows(`SELECT COUNT(*) FROM journal_entries WHERE user_id = '${bob.id}'`)).toEqual(['1']);
    expect((await getBooking(bobBooking.id, bob.browser.client)).status).toBe('confirmed');
    expect((await getMe(bob.browser.client)).email).toBe(bob.email);

    // The old credentials fail as an unknown account's do; the address can sign up afresh.
    const old = await failure(login({ email: ana.email, password: learnerPassword }, (await openBrowser(server.baseUrl)).client));
    const unknown = await failure(
      login({ email: `nobody-${ana.id.slice(0, 8)}@example.org`, password: learnerPassword }, (await openBrowser(server.baseUrl)).client),
    );
    expect([old.status, old.problem.type]).toEqual([unknown.status, unknown.problem.type]);
    const again = await openBrowser(server.baseUrl);
    await signUpLearner(again, ana.email);
    expect(rows(`SELECT COUNT(*) FROM users WHERE email = ${quote(ana.email)}`)).toEqual(['1']);

    // The sealed text is gone from the SQLite file and its WAL, not just unlinked.
    expect(holdSealed()).toEqual([]);
    moveClock(0);
  });
});
