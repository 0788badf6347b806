// `securebase keys rotate` and `keys status`, run as an operator would against a running server's
// data folder: the server keeps reading what was sealed before the rotation, picks up the new key
// without a restart (it looks at the key file on every content poll), and seals new words with it.
// Its own server serves the sample course (server/tests/fixtures/course), whose first lesson has a
// reflection prompt.
//
// Always on its own SQLite file, also when SB_API_DATABASE_URL names a PostgreSQL database: there
// every test server shares one database but each has its own key, so the other servers' values
// would rightly count as sealed with a key this one does not have. (The re-sealing itself runs on
// PostgreSQL in the C++ contract tests, server/tests/contract/key_rotation_contract_test.cc.)
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getAnswers, saveAnswer } from '../../web/src/api/course';
import { getEntry, newEntryId, saveEntry } from '../../web/src/api/journal';
import { runCli, type CliRun } from './support/cli';
import { verifiedLearner } from './support/learner';
import { mailEnv, repo, startServer, type RunningServer } from './support/server';

let server: RunningServer;
let work: string;
let database: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'sb-keys-'));
  database = `sqlite://${path.join(work, 'securebase.db')}`;
  server = await startServer({
    database,
    content: path.join(repo, 'server/tests/fixtures/course'),
    env: { ...mailEnv(inject('mailUrl'), inject('mailCaFile')), SECUREBASE_CONTENT_POLL_SECONDS: '1' },
  });
});

afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

/** Runs `securebase keys <args>` on the server's data folder and database. */
function keys(args: string[], extraEnv: Record<string, string> = {}): Promise<CliRun> {
  // The same poll as the server's: rotate waits one poll (+1 s) for servers to load a new key.
  const env = { SECUREBASE_CONTENT_POLL_SECONDS: '1', ...extraEnv };
  return runCli(['keys', ...args, '--data-dir', server.dataDir, '--database', database], env);
}

function currentKeyId(status: CliRun): string {
  const match = /Current key: ([0-9a-f]{8})/.exec(status.stdout);
  expect(match, status.stdout).not.toBeNull();
  return match![1]!;
}

/** The counts `keys status` prints for one table: current, retired, no known key, damaged. */
function countsFor(status: CliRun, table: string): number[] {
  const line = status.stdout.split('\n').find((l) => l.trim().startsWith(`${table} `));
  expect(line, status.stdout).toBeDefined();
  return line!.trim().split(/\s+/).slice(1).map(Number);
}

/** Waits until the server's log has a line matching `test` (it reloads keys on its own poll). */
async function waitForLog(test: (line: string) => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (readFileSync(server.logFile, 'utf8').split('\n').some(test)) return;
    if (Date.now() > deadline) throw new Error('the server never logged the expected line');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const mode = (p: string) => statSync(p).mode & 0o777;

describe('securebase keys rotate', () => {
  it('moves sealed answers and journal entries to a new key while the server keeps reading and writing them', { timeout: 60_000 }, async () => {
    const { browser, email } = await verifiedLearner({ baseUrl: server.baseUrl });
    const before = `a window left open ${Math.random().toString(36).slice(2)}`;
    await saveAnswer('hello', 'hello-1', before, browser.client);
    const entryId = newEntryId();
    const situation = `the kettle clicked off twice ${Math.random().toString(36).slice(2)}`;
    const entry = await saveEntry(
      entryId,
      {
        kind: 'trigger',
        occurred_at: '2026-11-01T09:00:00Z',
        tags: ['mornings'],
        trigger: {
          situation,
          self_talk: '',
          sensations: [],
          body_note: '',
          state: null,
          emotions: [],
          signs: [],
          urges: [],
          urge_note: '',
          action: '',
          helped: [],
          helped_note: '',
          intensity_before: 6,
          intensity_after: null,
        },
      },
      browser.client,
    );

    const initial = await keys(['status']);
    expect(initial.status, initial.stderr).toBe(0);
    const oldKey = currentKeyId(initial);
    expect(countsFor(initial, 'prompt_answers')).toEqual([1, 0, 0, 0]);
    expect(countsFor(initial, 'journal_entries')).toEqual([1, 0, 0, 0]);

    const rotate = await keys(['rotate', '--batch', '1']);
    expect(rotate.status, rotate.stdout + rotate.stderr).toBe(0);
    expect(rotate.stdout).toContain(`The previous key ${oldKey} is kept as`);
    expect(rotate.stdout).toMatch(/prompt_answers: done: 1 row read, 1 re-sealed\./);
    expect(rotate.stdout).toMatch(/journal_entries: done: 1 row read, 1 re-sealed\./);
    const newKey = /Made a new key ([0-9a-f]{8})/.exec(rotate.stdout)?.[1];
    expect(newKey).toBeDefined();
    expect(newKey).not.toBe(oldKey);
    expect(rotate.stdout).toContain(`now uses the key ${newKey}.`);
    // Tables and counts only: nobody's words or address.
    for (const secret of [before, situation, email]) expect(rotate.stdout + rotate.stderr).not.toContain(secret);

    // The server loaded the new key by itself, and reads the re-sealed answer.
    await waitForLog((line) => line.includes('"event":"keys_reloaded"') && line.includes(`"current_key_id":"${newKey}"`));
    expect(await getAnswers('hello', browser.client)).toEqual({ 'hello-1': before });
    expect(await getEntry(entryId, browser.client)).toEqual(entry);

    // What it writes now is sealed with the new key.
    const after = `the window closed gently ${Math.random().toString(36).slice(2)}`;
    await saveAnswer('hello', 'hello-1', after, browser.client);
    const other = await verifiedLearner({ baseUrl: server.baseUrl });
    await saveAnswer('hello', 'hello-1', 'a second learner', other.browser.client);
    const status = await keys(['status']);
    expect(status.status, status.stderr).toBe(0);
    expect(currentKeyId(status)).toBe(newKey);
    expect(status.stdout).toContain(`Retired keys: ${oldKey}`);
    expect(countsFor(status, 'prompt_answers')).toEqual([2, 0, 0, 0]);
    expect(countsFor(status, 'journal_entries')).toEqual([1, 0, 0, 0]);
    expect(await getAnswers('hello', browser.client)).toEqual({ 'hello-1': after });

    // The key files stay private; the old key is kept beside the new one.
    const keyDir = path.join(server.dataDir, 'keys');
    const retired = path.join(keyDir, 'retired');
    expect(mode(keyDir)).toBe(0o700);
    expect(mode(path.join(keyDir, 'secret.key'))).toBe(0o600);
    expect(mode(retired)).toBe(0o700);
    expect(readdirSync(retired)).toEqual([`${oldKey}.key`]);
    expect(mode(path.join(retired, `${oldKey}.key`))).toBe(0o600);

    // Neither the words nor key material reach the server's log.
    const log = readFileSync(server.logFile, 'utf8');
    for (const secret of [before, after, situation]) expect(log).not.toContain(secret);
    const keyHex = readFileSync(path.join(keyDir, 'secret.key')).toString('hex');
    expect(log).not.toContain(keyHex);
  });

  it('reports a missing key file instead of making a new key', async () => {
    const elsewhere = path.join(server.dataDir, 'no-keys-here', 'secret.key');
    const missing = await keys(['rotate'], { SECUREBASE_SECRETS_KEY_FILE: elsewhere });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(`There is no key file at ${elsewhere}.`);
    expect(missing.stderr).toContain('secrets.key_file');
    expect(existsSync(path.dirname(elsewhere))).toBe(false);
  });
});
