// The operator's side of a learner's data rights, beside a running server on the same database and
// data folder: `securebase export-user EMAIL --out FILE` writes the app's own download (the same
// files, what they wrote word for word) readable by the owner alone, and never over a file that is
// there; `securebase delete-user EMAIL` asks first (nothing goes without "yes" or --yes), then
// deletes as the app does (the browser is signed out, the audit log says "by the operator"), and
// refuses the practitioner's account and an unknown address. Runs on SQLite, and on PostgreSQL
// when the suite does.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getAudit } from '../../web/src/api/console-clients';
import { newEntryId, saveEntry } from '../../web/src/api/journal';
import { getMe } from '../../web/src/api/me';
import { runCli } from './support/cli';
import { failure } from './support/failure';
import { verifiedLearner, type Learner } from './support/learner';
import { setUpPractitioner, type Practitioner } from './support/practitioner';
import { mailEnv, repo, startServer, type RunningServer } from './support/server';

let server: RunningServer;
let work: string;
let database: string;
let her: Practitioner;

/** `securebase <args>` on the server's database, data folder and content. */
function cli(args: string[]) {
  return runCli([...args, '--database', database, '--data-dir', server.dataDir, '--content', path.join(repo, 'content')]);
}

/** The files of a zip, unpacked by Info-ZIP's unzip. */
function unpack(file: string, name: string): Record<string, string> {
  const out = path.join(work, name);
  const unzip = spawnSync('unzip', ['-q', file, '-d', out], { encoding: 'utf8' });
  expect(unzip.status, unzip.stderr).toBe(0);
  return Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(path.join(out, f), 'utf8')]));
}

async function learnerWithEntry(words: string): Promise<Learner> {
  const learner = await verifiedLearner({ baseUrl: server.baseUrl });
  await saveEntry(
    newEntryId(),
    { kind: 'reflection', occurred_at: new Date().toISOString(), tags: [], reflection: { text: words, lesson_id: '', prompt_id: '' } },
    learner.browser.client,
  );
  return learner;
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'sb-rights-cli-'));
  server = await startServer({ ownDatabase: 'data_rights_cli', env: mailEnv(inject('mailUrl'), inject('mailCaFile')) });
  const prefix = process.env.SB_API_OWN_DATABASE_PREFIX;
  database = prefix ? `${prefix}data_rights_cli` : `sqlite://${server.dataDir}/securebase.db`;
  her = await setUpPractitioner(server);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('securebase export-user', () => {
  it('writes the app’s download to a new file of the owner’s alone, never over one that is there', async () => {
    const words = 'I walked to the river and let the phone stay at home.';
    const ana = await learnerWithEntry(words);
    const file = path.join(work, 'ana.zip');
    const run = await cli(['export-user', ana.email.toUpperCase(), '--out', file]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const files = unpack(file, 'cli');

    // The same files as the app's download.
    const answer = await ana.browser.fetch('/api/v1/me/export');
    expect(answer.status).toBe(200);
    writeFileSync(path.join(work, 'app.zip'), Buffer.from(await answer.arrayBuffer()));
    const fromApp = unpack(path.join(work, 'app.zip'), 'app');
    expect(Object.keys(files).sort()).toEqual(Object.keys(fromApp).sort());
    expect(files['README.txt']).toBe(fromApp['README.txt']);
    expect(JSON.parse(files['account.json']!)).toMatchObject({ email: ana.email, schema_version: 1 });
    expect(files['journal.json']).toContain(words);
    expect(JSON.parse(files['journal.json']!).entries).toEqual(JSON.parse(fromApp['journal.json']!).entries);

    // Never over a file that is there.
    writeFileSync(path.join(work, 'taken.zip'), 'mine');
    const again = await cli(['export-user', ana.email, '--out', path.join(work, 'taken.zip')]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already there');
    expect(readFileSync(path.join(work, 'taken.zip'), 'utf8')).toBe('mine');

    const nobody = await cli(['export-user', 'nobody-here@example.org', '--out', path.join(work, 'nobody.zip')]);
    expect(nobody.status).toBe(1);
    expect(nobody.stderr).toContain('no account with that email');
    expect(existsSync(path.join(work, 'nobody.zip'))).toBe(false);
  });
});

describe('securebase delete-user', () => {
  it('asks first, then deletes as the app does, on the audit log as the operator', async () => {
    const ben = await learnerWithEntry('Ben’s own words, not to be kept.');
    const benId = (await getMe(ben.browser.client)).id;

    // No "yes" (standard input is empty): nothing goes.
    const asked = await cli(['delete-user', ben.email]);
    expect(asked.status).toBe(1);
    expect(asked.stdout).toContain('Type yes to go on');
    expect(asked.stderr).toContain('nothing was deleted');
    expect((await getMe(ben.browser.client)).id).toBe(benId);

    const run = await cli(['delete-user', ben.email, '--yes']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Deleted the account of ${ben.email}`);
    expect((await failure(getMe(ben.browser.client))).status).toBe(401);
    const audit = await getAudit({ action: 'account.deleted' }, her.client);
    expect(audit.entries.map((e) => [e.actor?.id, e.subject?.id, e.detail])).toContainEqual([
      'operator',
      benId,
      'by the operator',
    ]);

    const again = await cli(['delete-user', ben.email, '--yes']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('no account with that email');
  });

  it('refuses the practitioner’s account', async () => {
    const run = await cli(['delete-user', her.details.email, '--yes']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Only a learner's account");
    expect((await getMe(her.client)).role).toBe('practitioner');
  });
});
