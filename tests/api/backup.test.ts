// `securebase backup` and `securebase restore` through the real binary (docs/operations/backups.md):
// a backup taken while a learner keeps writing journal entries holds every entry the server had
// acknowledged before it began, passes its integrity check, and — restored into a new database
// and served with the same key folder — gives the learner back their entries, word for word, and
// an audit log that verifies. Refusals: an existing backup file is never written over, a file that
// is not a backup is not restored, a database in place needs --force, PostgreSQL is pg_dump's.
// Always SQLite (the backup copies SQLite files), whatever the suite's database.
import { cpSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { login } from '../../web/src/api/auth';
import { getEntry, newEntryId, saveEntry, type EntryInput } from '../../web/src/api/journal';
import { openBrowser } from './support/browser';
import { runCli } from './support/cli';
import { learnerPassword, verifiedLearner, type Learner } from './support/learner';
import { mailEnv, startServer, type RunningServer } from './support/server';

let work: string;
let live: RunningServer;
let learner: Learner;
const liveDb = () => `sqlite://${path.join(work, 'live.db')}`;

function reflection(text: string): EntryInput {
  return { kind: 'reflection', occurred_at: new Date().toISOString(), tags: [], reflection: { text, lesson_id: '', prompt_id: '' } };
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'sb-backup-'));
  live = await startServer({ database: liveDb(), env: mailEnv(inject('mailUrl'), inject('mailCaFile')) });
  learner = await verifiedLearner({ baseUrl: live.baseUrl });
}, 60_000);

afterAll(async () => {
  await live?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('a backup while the server writes', () => {
  it('holds everything acknowledged before it began, and restores whole', async () => {
    const client = learner.browser.client;
    const acknowledged = new Map<string, string>();
    let writing = true;
    let n = 0;
    // A stream of writes, one after another, until the backup is done.
    const stream = (async () => {
      while (writing) {
        const id = newEntryId();
        const text = `Entry ${(n += 1)}: the tide came in slowly and I stayed.`;
        await saveEntry(id, reflection(text), client);
        acknowledged.set(id, text);
      }
    })();
    while (acknowledged.size < 5) await new Promise((r) => setTimeout(r, 10));
    const before = new Map(acknowledged);
    const file = path.join(work, 'backup.db');
    const run = await runCli(['backup', file, '--data-dir', live.dataDir, '--database', liveDb()]);
    writing = false;
    await stream;
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('integrity ok');
    expect(run.stdout).toContain('The key file is not in it');
    expect(run.stdout + run.stderr).not.toContain(learner.email);
    expect(acknowledged.size).toBeGreaterThan(before.size); // the writes went on during the backup
    // Health data: the copy is the owner's alone, whatever the caller's umask (this one's is 022).
    expect(process.umask() & 0o077).not.toBe(0o077);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    // Restored into a new database and served with the live server's key folder.
    const keys = path.join(work, 'keys');
    cpSync(path.join(live.dataDir, 'keys'), keys, { recursive: true });
    const restoredDb = `sqlite://${path.join(work, 'restored.db')}`;
    const restore = await runCli(['restore', file, '--data-dir', work, '--database', restoredDb]);
    expect(restore.status, restore.stderr).toBe(0);
    expect(statSync(path.join(work, 'restored.db')).mode & 0o777).toBe(0o600);
    const verify = await runCli(['audit', 'verify', '--data-dir', work, '--database', restoredDb]);
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);

    const restored = await startServer({
      database: restoredDb,
      env: { ...mailEnv(inject('mailUrl'), inject('mailCaFile')), SECUREBASE_SECRETS_KEY_FILE: path.join(keys, 'secret.key') },
    });
    try {
      const browser = await openBrowser(restored.baseUrl);
      await login({ email: learner.email, password: learnerPassword }, browser.client);
      for (const [id, text] of before) {
        const entry = await getEntry(id, browser.client);
        expect(entry.reflection?.text).toBe(text);
      }
    } finally {
      await restored.stop();
    }
  }, 60_000);
});

describe('refusals', () => {
  it('never writes over a file', async () => {
    const taken = path.join(work, 'taken.db');
    writeFileSync(taken, 'my holiday photos');
    const run = await runCli(['backup', taken, '--data-dir', live.dataDir, '--database', liveDb()]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('already exists');
  });

  it('restores only a backup, and only over a database with --force', async () => {
    const notABackup = path.join(work, 'notes.txt');
    writeFileSync(notABackup, 'not a database at all, just some words');
    const refused = await runCli(['restore', notABackup, '--data-dir', work, '--database', `sqlite://${path.join(work, 'x.db')}`]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/not a readable SQLite database/);

    const file = path.join(work, 'second.db');
    expect((await runCli(['backup', file, '--data-dir', live.dataDir, '--database', liveDb()])).status).toBe(0);
    const over = await runCli(['restore', file, '--data-dir', live.dataDir, '--database', liveDb()]);
    expect(over.status).toBe(2);
    expect(over.stderr).toContain('--force');
    // The live database is untouched: the learner still reads an entry written now.
    const id = newEntryId();
    await saveEntry(id, reflection('still here'), learner.browser.client);
    expect((await getEntry(id, learner.browser.client)).reflection?.text).toBe('still here');
  });

  it('sends PostgreSQL to its own tools', async () => {
    const run = await runCli(['backup', path.join(work, 'pg.db'), '--data-dir', work, '--database', 'postgresql://sb:sb@127.0.0.1:1/sb']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('pg_dump');
  });
});
