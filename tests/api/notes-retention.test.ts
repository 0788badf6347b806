// Keeping session notes for a set time (notes.retention_days, docs/privacy.md) through the real
// binary: notes written on a server that keeps them until deleted (the default); the server
// stopped, its clock moved two days and ten minutes on, and started again with a keeping period
// of two days: before it serves, it deletes the note unchanged for longer than that, keeps the one she changed
// since, and records each deletion on the audit log by note id, never by its words. Runs on
// SQLite, and on PostgreSQL when the suite does.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, inject, it } from 'vitest';
import { changeNote, writeClientNote } from '../../web/src/api/console-notes';
import { getMe } from '../../web/src/api/me';
import { verifiedLearner } from './support/learner';
import { setUpPractitioner } from './support/practitioner';
import { mailEnv, startServer, type RunningServer } from './support/server';

const work = mkdtempSync(path.join(tmpdir(), 'sb-notes-retention-'));
const clockFile = path.join(work, 'clock');
const prefix = process.env.SB_API_OWN_DATABASE_PREFIX;
const database = prefix ? `${prefix}notes_retention` : `sqlite://${path.join(work, 'notes.db')}`;
const minute = 60;
const day = 86_400;
let running: RunningServer | undefined;

afterAll(async () => {
  await running?.stop();
  rmSync(work, { recursive: true, force: true });
});

function moveClock(seconds: number) {
  writeFileSync(clockFile, `${seconds}\n`);
}

/** SQL on the servers' database: psql for PostgreSQL, the sqlite3 CLI for the SQLite file. */
function rows(statement: string): string[] {
  const out = database.startsWith('postgresql://')
    ? execFileSync('psql', [database, '-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-c', statement], { encoding: 'utf8' })
    : execFileSync('sqlite3', ['-cmd', '.timeout 5000', database.slice('sqlite://'.length), statement], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l !== '');
}

function start(env: Record<string, string> = {}) {
  return startServer({
    database,
    env: { ...mailEnv(inject('mailUrl'), inject('mailCaFile')), SECUREBASE_TEST_CLOCK_FILE: clockFile, ...env },
  });
}

it('deletes notes unchanged for longer than the keeping period, each on the audit log without its words', async () => {
  moveClock(0);
  running = await start();
  const her = await setUpPractitioner(running);
  const herId = (await getMe(her.client)).id;
  const ana = await verifiedLearner({ baseUrl: running.baseUrl });
  const anaId = (await getMe(ana.browser.client)).id;
  const old = await writeClientNote(anaId, { text: 'Old words about the weekend.' }, her.client);
  const changed = await writeClientNote(anaId, { text: 'Words she will change.' }, her.client);
  // Twenty minutes on (inside her session's idle limit), she changes one.
  moveClock(20 * minute);
  await changeNote(changed.id, 'Words she changed twenty minutes later.', her.client);
  await running.stop();
  running = undefined;
  // Kept until deleted so far (the default, 0).
  expect(rows('SELECT id FROM session_notes ORDER BY id').sort()).toEqual([old.id, changed.id].sort());

  // Two days and ten minutes after the first note; ten minutes short of two days after the change.
  moveClock(2 * day + 10 * minute);
  running = await start({ SECUREBASE_NOTES_RETENTION_DAYS: '2' });
  expect(rows('SELECT id FROM session_notes')).toEqual([changed.id]);
  const audited = rows("SELECT actor_id || '|' || subject_id || '|' || detail FROM audit_log WHERE action = 'note.expired'");
  expect(audited).toEqual([`${herId}|${anaId}|${old.id}`]);
  expect(rows("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%weekend%'")).toEqual(['0']);
  await running.stop();
  running = undefined;
});
