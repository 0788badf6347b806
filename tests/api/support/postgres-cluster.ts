// A PostgreSQL cluster of a test's own, for tests that restart or stop the database under a
// running server (durability.postgresql.test.ts). Unlike scripts/test-postgres (the suites'
// shared cluster, with fsync and synchronous_commit off for speed), this one keeps PostgreSQL's
// durable defaults: a commit is on disk before it is acknowledged. Two settings only save time,
// and neither touches that: initdb skips its final flush (this test never crashes the machine,
// only the database), and crash recovery begins with one syncfs rather than an fsync of every
// file in the cluster (4 s here, against 0.4).
//
// As root the server runs as the postgres user (as scripts/test-postgres does); otherwise as the
// test's own user.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PostgresCluster {
  /** postgresql://sb:sb@127.0.0.1:PORT/sb */
  url: string;
  /** pg_ctl restart -m immediate: every backend killed at once, then crash recovery and up. */
  restartImmediately: () => Promise<void>;
  /** Stops the cluster and removes its folder. */
  remove: () => Promise<void>;
}

const root = process.getuid?.() === 0;

function binDir(): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b));
  if (versions.length === 0) throw new Error('PostgreSQL is not installed (scripts/install-deps)');
  return `/usr/lib/postgresql/${versions[versions.length - 1]}/bin`;
}

/** Runs a command to its end without blocking the event loop (servers under test keep answering). */
function run(command: string, args: string[], asOwner = false): Promise<string> {
  const [cmd, ...rest] = asOwner && root ? ['runuser', '-u', 'postgres', '--', command, ...args] : [command, ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd!, rest, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('error', reject);
    child.once('close', (status) => (status === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')}: ${status}\n${output}`))));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = binDir();
  const dir = mkdtempSync(path.join(tmpdir(), 'sb-pg-'));
  if (root) await run('chown', ['postgres:postgres', dir]);
  const data = path.join(dir, 'data');
  const port = await freePort();
  await run(`${bin}/initdb`, ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'], true);
  const pgCtl = (...args: string[]) => run(`${bin}/pg_ctl`, ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', ...args], true);
  await pgCtl('start', '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c recovery_init_sync_method=syncfs`);
  await run('psql', ['-q', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-v', 'ON_ERROR_STOP=1',
    '-c', "CREATE ROLE sb LOGIN PASSWORD 'sb'", '-c', 'CREATE DATABASE sb OWNER sb']);
  return {
    url: `postgresql://sb:sb@127.0.0.1:${port}/sb`,
    restartImmediately: async () => {
      await pgCtl('restart', '-m', 'immediate');
    },
    remove: async () => {
      await pgCtl('stop', '-m', 'fast').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
