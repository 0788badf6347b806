// `securebase user add`: the command-line way to create the first
// practitioner, run as an operator would, against a fresh data folder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '../..');
const binary = process.env.SB_BINARY ?? path.join(repo, 'build/debug/securebase');
const dataDir = mkdtempSync(path.join(tmpdir(), 'sb-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function userAdd(args: string[], password: string) {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('SECUREBASE_')) env[k] = v;
  // Its own SQLite file, never the running server's database: a practitioner
  // made here would close that server's first-run setup under setup.test.ts.
  return spawnSync(binary, ['user', 'add', '--data-dir', dataDir, ...args], {
    input: `${password}\n`,
    env,
    encoding: 'utf8',
  });
}

describe('securebase user add', () => {
  const email = `practitioner-${Date.now()}@example.org`;

  it('creates a practitioner from a password on standard input', () => {
    const run = userAdd(['--email', email.toUpperCase(), '--role', 'practitioner', '--password-stdin'], 'a calm long password');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Created the practitioner account ${email}.`);
    // The password never reaches the logs.
    expect(run.stderr).not.toContain('a calm long password');
  });

  it('refuses the same email again, whatever its case', () => {
    const run = userAdd(['--email', email, '--role', 'learner', '--password-stdin'], 'another long password');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('already exists');
  });

  it('names every bad field and exits 2', () => {
    const run = userAdd(
      ['--email', 'no-at-sign', '--role', 'practitioner', '--password-stdin', '--time-zone', 'Europe/Atlantis', '--country', 'XYZ'],
      'short',
    );
    expect(run.status).toBe(2);
    for (const field of ['email:', 'password:', 'time_zone:', 'country:']) expect(run.stderr).toContain(field);
  });

  it('refuses an unknown role and a missing --password-stdin', () => {
    expect(userAdd(['--email', 'x@example.org', '--role', 'owner', '--password-stdin'], 'long enough pw').status).toBe(2);
    const noStdin = userAdd(['--email', 'x@example.org', '--role', 'learner'], 'long enough pw');
    expect(noStdin.status).toBe(2);
    expect(noStdin.stderr).toContain('--password-stdin');
  });
});
