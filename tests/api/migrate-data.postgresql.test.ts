// Moving up to PostgreSQL (`securebase migrate-data`, docs/operations/moving-to-postgresql.md): a
// site on SQLite is filled through the API until every table has rows — a practitioner with
// two-factor and her schedule, a learner's check-in, lesson progress and answer, practice, journal,
// booking, place on a waitlist, share, her note on them, a forgotten password, a failed log-in —
// and copied while its server runs. Every table the migrations create (read from
// server/migrations, so a table added later fails here until it is filled and copied) has the same
// rows on both sides; a second copy into the same database is refused. Then a server on
// PostgreSQL with the same key folder gives both people everything back through the API, with
// the sessions they were signed in with, sealed words and all, and the audit log verifies.
//
// The PostgreSQL pass only (vitest.config.ts): the target is this file's own database there.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { forgotPassword, login } from '../../web/src/api/auth';
import { getQuestionnaire, listCheckins, newIdempotencyKey, submitCheckin } from '../../web/src/api/checkins';
import { getAudit, getClient } from '../../web/src/api/console-clients';
import { listClientNotes, writeClientNote } from '../../web/src/api/console-notes';
import * as consoleApi from '../../web/src/api/console-scheduling';
import { getAnswers, getLesson, saveAnswer, saveProgress } from '../../web/src/api/course';
import { getEntry, newEntryId, saveEntry } from '../../web/src/api/journal';
import { getMe } from '../../web/src/api/me';
import { listPracticeSessions, newPracticeSessionId, recordPracticeSession } from '../../web/src/api/practice-sessions';
import { joinWaitlist, listBookings, listWaitlist } from '../../web/src/api/scheduling';
import { getShares, putShare } from '../../web/src/api/shares';
import { bookFreeSlot, openForBooking } from './support/booking-setup';
import { newBrowser, type Browser } from './support/browser';
import { runCli } from './support/cli';
import { failure } from './support/failure';
import { verifiedLearner } from './support/learner';
import { setUpPractitioner } from './support/practitioner';
import { mailEnv, repo, startServer, type RunningServer } from './support/server';

const target = `${process.env.SB_API_OWN_DATABASE_PREFIX}migrate`;
const words = {
  journal: 'The evening was quiet and I let it be quiet.',
  answer: 'I came because the nights got long.',
  note: 'Spoke about the long nights; gentle pace next time.',
};

let work: string;
let source: RunningServer | undefined;
let moved: RunningServer | undefined;
const sourceDb = () => path.join(work, 'securebase.db');

/** Every table server/migrations creates, by name: as they stand after the last (a migration
 * may rebuild a table under a new name, drop it, and rename the new one, as 0020 does). */
function migrationTables(): string[] {
  const dir = path.join(repo, 'server/migrations');
  const names = new Set<string>();
  const statement = /CREATE TABLE (?:IF NOT EXISTS )?(\w+)|DROP TABLE (?:IF EXISTS )?(\w+)|ALTER TABLE (\w+) RENAME TO (\w+)/gi;
  for (const file of readdirSync(dir).sort()) {
    for (const m of readFileSync(path.join(dir, file), 'utf8').matchAll(statement)) {
      if (m[1]) names.add(m[1].toLowerCase());
      else if (m[2]) names.delete(m[2].toLowerCase());
      else {
        names.delete(m[3]!.toLowerCase());
        names.add(m[4]!.toLowerCase());
      }
    }
  }
  names.delete('schema_migrations');
  return [...names].sort();
}

function countsIn(query: (sql: string) => string, tables: string[]): Record<string, number> {
  const sql = tables.map((t) => `SELECT '${t}', count(*) FROM ${t}`).join(' UNION ALL ');
  const counts: Record<string, number> = {};
  for (const line of query(sql).trim().split('\n')) {
    const [table, n] = line.split('|');
    counts[table!] = Number(n);
  }
  return counts;
}
const sqliteQuery = (sql: string) => execFileSync('sqlite3', [sourceDb(), sql], { encoding: 'utf8' });
const postgresQuery = (sql: string) => execFileSync('psql', [target, '-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8' });

/** A browser on `server` holding `from`'s cookies: the same person, signed in as before. */
function sameBrowser(server: RunningServer, from: Browser): Browser {
  const browser = newBrowser(server.baseUrl);
  for (const [name, value] of from.cookies) browser.cookies.set(name, value);
  return browser;
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'sb-migrate-'));
  source = await startServer({ database: `sqlite://${sourceDb()}`, env: mailEnv(inject('mailUrl'), inject('mailCaFile')) });
}, 60_000);

afterAll(async () => {
  try {
    await moved?.stop();
    await source?.stop();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

describe('migrate-data', () => {
  it('copies every table of a live SQLite site into PostgreSQL, where everything reads back', async () => {
    // A site in use: something in every table.
    const site = source!;
    const her = await setUpPractitioner(site);
    const typeId = await openForBooking(her.client);
    const fullType = await consoleApi.createSessionType(
      { name: 'Long consultation', description: '', duration_minutes: 90, buffer_before_minutes: 0, buffer_after_minutes: 0,
        minimum_notice_minutes: 1440, horizon_days: 1, slot_step_minutes: 7, price: '', new_clients: true, active: true, intake: [] },
      her.client,
    );
    const learner = await verifiedLearner({ baseUrl: site.baseUrl });
    const me = learner.browser.client;
    const learnerId = (await getMe(me)).id;

    const questionnaire = await getQuestionnaire('attachment', me);
    const answers = Object.fromEntries(questionnaire.items.map((item, i) => [item.id, (i % 7) + 1]));
    const checkin = await submitCheckin({ questionnaire_id: 'attachment', answers }, newIdempotencyKey(), me);
    await getLesson('welcome-and-pacing', me);
    await saveProgress('welcome-and-pacing', { completed: true }, me);
    await saveAnswer('welcome-and-pacing', 'welcome-and-pacing-1', words.answer, me);
    const practiceId = newPracticeSessionId();
    await recordPracticeSession(
      { id: practiceId, practice_id: 'box-breathing', started_at: new Date(Date.now() - 3600_000).toISOString().replace(/\.\d+Z$/, 'Z'), duration_seconds: 240, distress_before: 6, distress_after: 4 },
      me,
    );
    const entryId = newEntryId();
    await saveEntry(entryId, { kind: 'reflection', occurred_at: new Date().toISOString(), tags: ['evening'], reflection: { text: words.journal, lesson_id: '', prompt_id: '' } }, me);
    const booking = await bookFreeSlot(learner, typeId);
    const waiting = await joinWaitlist(fullType.id, me);
    const practitionerId = (await getShares(me)).practitioners[0]!.practitioner.id;
    await putShare({ practitioner_id: practitionerId, checkins: true, practice: true, course: true, journal_entries: [entryId] }, me);
    await getClient(learnerId, her.client); // an audit row: she read what is shared
    const note = await writeClientNote(learnerId, { text: words.note, booking_id: booking.id }, her.client);
    await forgotPassword(learner.email, newBrowser(site.baseUrl).client); // a reset token
    await failure(login({ email: learner.email, password: 'not the password at all' }, newBrowser(site.baseUrl).client));

    const tables = migrationTables();
    const before = countsIn(sqliteQuery, tables);
    for (const t of tables) expect(before[t], `rows in ${t} on the SQLite site`).toBeGreaterThan(0);

    // Copied while the site runs.
    const run = await runCli(['migrate-data', '--from', `sqlite://${sourceDb()}`, '--to', target]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Copied \d+ rows in \d+ tables/m);
    expect(run.stdout + run.stderr).not.toContain(learner.email);
    expect(run.stdout + run.stderr).not.toContain(':sb@'); // the password stays out of the output
    expect(countsIn(postgresQuery, tables)).toEqual(before);

    // Again into the same database: refused, and nothing there changes.
    const again = await runCli(['migrate-data', '--from', `sqlite://${sourceDb()}`, '--to', target]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already holds data/);
    expect(countsIn(postgresQuery, tables)).toEqual(before);

    const verify = await runCli(['audit', 'verify', '--data-dir', work, '--database', target]);
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);

    // Served from PostgreSQL with the same key folder.
    const keys = path.join(work, 'keys');
    cpSync(path.join(site.dataDir, 'keys'), keys, { recursive: true });
    await source!.stop();
    source = undefined;
    moved = await startServer({
      database: target,
      env: { ...mailEnv(inject('mailUrl'), inject('mailCaFile')), SECUREBASE_SECRETS_KEY_FILE: path.join(keys, 'secret.key') },
    });
    const learnerThere = sameBrowser(moved, learner.browser).client;
    expect((await getMe(learnerThere)).id).toBe(learnerId);
    expect((await getEntry(entryId, learnerThere)).reflection?.text).toBe(words.journal);
    expect(await getAnswers('welcome-and-pacing', learnerThere)).toEqual({ 'welcome-and-pacing-1': words.answer });
    expect((await getLesson('welcome-and-pacing', learnerThere)).progress?.completed_at).toBeTruthy();
    expect((await listCheckins(undefined, learnerThere)).checkins.map((c) => c.id)).toEqual([checkin.id]);
    expect((await listPracticeSessions({}, learnerThere)).sessions.map((s) => s.id)).toEqual([practiceId]);
    expect((await listBookings(learnerThere)).bookings.map((b) => b.id)).toEqual([booking.id]);
    expect((await listWaitlist(learnerThere)).entries.map((e) => e.id)).toEqual([waiting.id]);
    expect((await getShares(learnerThere)).practitioners[0]!.share.journal_entries).toEqual([entryId]);

    const herThere = sameBrowser(moved, her.browser).client;
    const detail = await getClient(learnerId, herThere);
    expect(detail.shared.journal_entries.map((e) => e.reflection?.text)).toEqual([words.journal]);
    expect((await listClientNotes(learnerId, herThere)).notes.map((n) => [n.id, n.text])).toEqual([[note.id, words.note]]);
    const audit = await getAudit({ limit: 200 }, herThere);
    expect(audit.entries.length).toBeGreaterThanOrEqual(before.audit_log!);
    // And the chain goes on where it left off: the reads just now added rows, and it verifies.
    const after = await runCli(['audit', 'verify', '--data-dir', work, '--database', target]);
    expect(after.status, after.stdout + after.stderr).toBe(0);
  }, 90_000);

  it('refuses a source that is not SQLite or not there, and a target that is not PostgreSQL', async () => {
    const notThere = await runCli(['migrate-data', '--from', `sqlite://${path.join(work, 'nothing.db')}`, '--to', target]);
    expect(notThere.status).toBe(2);
    expect(notThere.stderr).toMatch(/no SQLite database/);
    const wrongWay = await runCli(['migrate-data', '--from', target, '--to', `sqlite://${sourceDb()}`]);
    expect(wrongWay.status).toBe(2);
    expect(wrongWay.stderr).toMatch(/--from must name the SQLite database/);
  });
});
