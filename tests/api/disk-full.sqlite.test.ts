// A full disk under SQLite (issue #12): the server's data folder is a small tmpfs of its own, and
// a filler file takes the rest of its room while a learner keeps writing. Writes then fail calmly
// (503 problem+json, never a 500 or a dropped connection), reads go on working, nothing
// acknowledged is lost, and once the filler is deleted the next writes succeed without a restart.
//
// The server gets a mount of its own with unshare (as root, or in a user namespace otherwise), so
// nothing is left mounted if the test dies; the test reaches the tmpfs through /proc/PID/root.
// The SQLite pass only (vitest.config.ts).
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getEntry, newEntryId, saveEntry, type EntryInput } from '../../web/src/api/journal';
import { getMe } from '../../web/src/api/me';
import { ApiError } from '../../web/src/api/problem';
import { verifiedLearner } from './support/learner';
import { mailEnv, startServer, type RunningServer } from './support/server';

let server: RunningServer;
/** The server's data folder as the test sees it: its tmpfs, through the server's own root. */
let tmpfs: string;

const root = process.getuid?.() === 0;
// unshare execs the shell, the shell mounts and execs the server: one pid throughout.
const launcher = [
  'unshare',
  ...(root ? [] : ['--user', '--map-root-user']),
  '--mount',
  '--propagation', 'private',
  '--',
  'sh', '-c', 'mount -t tmpfs -o size=4m,mode=0700 securebase-full "$SB_DATA_DIR" && exec "$@"', 'sh',
];

function reflection(text: string): EntryInput {
  return { kind: 'reflection', occurred_at: new Date().toISOString(), tags: [], reflection: { text, lesson_id: '', prompt_id: '' } };
}

/** Fills what is left of the tmpfs with one file; returns its path. */
function fill(): string {
  const filler = path.join(tmpfs, 'filler');
  const fd = openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
    // The last few bytes of a partial chunk, then a page at a time, until nothing fits.
    for (;;) {
      try {
        writeSync(fd, chunk, 0, 512);
      } catch {
        break;
      }
    }
  } finally {
    closeSync(fd);
  }
  return filler;
}

beforeAll(async () => {
  // The folder is made here so the launcher can mount on it before the server starts.
  const dataDir = execFileSync('mktemp', ['-d', '/tmp/sb-disk-full.XXXXXX'], { encoding: 'utf8' }).trim();
  server = await startServer({
    dataDir,
    database: `sqlite://${dataDir}/securebase.db`,
    launcher,
    env: { ...mailEnv(inject('mailUrl'), inject('mailCaFile')), SB_DATA_DIR: dataDir },
  });
  tmpfs = `/proc/${server.pid}/root${dataDir}`;
  expect(statfsSync(tmpfs).blocks * statfsSync(tmpfs).bsize).toBeLessThanOrEqual(4 * 1024 * 1024);
});

afterAll(async () => {
  try {
    await server?.stop();
  } finally {
    // The tmpfs went with the server's mount namespace; this is the empty folder under it.
    if (server) rmSync(server.dataDir, { recursive: true, force: true });
  }
});

describe('a full disk', () => {
  it('refuses writes with 503, keeps serving reads, loses nothing, and recovers when room returns', async () => {
    const { browser, email } = await verifiedLearner({ baseUrl: server.baseUrl });
    const acknowledged = new Map<string, string>();
    const write = async (n: number) => {
      const id = newEntryId();
      const text = `Entry ${n}: I noticed the tightness and let it be.`;
      await saveEntry(id, reflection(text), browser.client);
      acknowledged.set(id, text);
    };
    for (let n = 0; n < 20; n += 1) await write(n);

    const filler = fill();
    // The WAL may still have room in frames it wrote before; writes go on until it is used up,
    // and then every write is refused.
    let refused: ApiError | undefined;
    for (let n = 20; n < 2000 && !refused; n += 1) {
      try {
        await write(n);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        refused = e;
      }
    }
    expect(refused, 'a write refused once the disk is full').toBeDefined();
    expect(refused!.status).toBe(503);
    expect(refused!.problem.detail).toMatch(/room/);
    for (let n = 0; n < 3; n += 1) {
      const e = await write(n).then(() => undefined, (error: unknown) => error);
      expect((e as ApiError).status).toBe(503);
    }

    // Reads go on, signed in, and what was acknowledged is there.
    expect((await getMe(browser.client)).email).toBe(email);
    for (const [id, text] of acknowledged) expect((await getEntry(id, browser.client)).reflection?.text).toBe(text);

    // Room again: the next write succeeds, with no restart, and everything is still there.
    rmSync(filler);
    await write(9999);
    for (const [id, text] of acknowledged) expect((await getEntry(id, browser.client)).reflection?.text).toBe(text);
    expect(execFileSync('sqlite3', [path.join(tmpfs, 'securebase.db'), 'PRAGMA integrity_check'], { encoding: 'utf8' }).trim()).toBe('ok');
  });
});
