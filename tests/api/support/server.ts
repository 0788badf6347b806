// Starts the real securebase binary on a free port and stops it: the one server every API test
// file shares (global-setup.ts), and any extra server a test file needs with other content or a
// movable clock (course.test.ts).
//
//   SB_BINARY            path to securebase (default build/debug/securebase)
//   SB_API_DATABASE_URL  a database URL; default: SQLite in a fresh temp dir
//   SB_API_OWN_DATABASE_PREFIX  on the PostgreSQL suite, "postgresql://…/sb_own_": a test file
//                        with a server of its own gets the database prefix + its name
//                        (scripts/test-all creates one per name in its list)
//
// The server listens on --listen 127.0.0.1:0 and reports its port in its "listening" log line,
// read from stderr. Everything it logs is kept in a file the tests can read.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { logDir } from './personal-data';

// import.meta.url rather than __dirname: the browser tests (ES modules) start servers with this too.
export const repo = fileURLToPath(new URL('../../..', import.meta.url));

export interface ServerOptions {
  /** Content folder; default: the repository's content/. */
  content?: string;
  /** Extra SECUREBASE_* settings. */
  env?: Record<string, string>;
  /** Database URL; default SB_API_DATABASE_URL, else SQLite in the data folder. */
  database?: string;
  /**
   * For a test file with a server of its own (its own practitioner, clock or content): a database
   * of its own by this name on the PostgreSQL suite, else SQLite in the data folder; never the
   * shared server's.
   */
  ownDatabase?: string;
  /**
   * A data folder to use and keep, for a server started again on the same data (after a kill);
   * default: a new temporary folder, removed on stop. The log is appended to across starts.
   */
  dataDir?: string;
  /**
   * A command the binary is started through, e.g. ['unshare', '--mount', '--', …] to give it a
   * mount of its own; it must end by exec-ing its arguments, so that the pid is the server's.
   */
  launcher?: string[];
}

export interface RunningServer {
  baseUrl: string;
  port: number;
  dataDir: string;
  /** The --database given, if any (else SQLite in dataDir), for CLI commands on the same data. */
  database?: string;
  logFile: string;
  pid: number;
  /** SIGTERM, wait for exit 0; resolves with everything the server logged. */
  stop: () => Promise<string>;
  /** SIGKILL, as a power cut or the OOM killer would; resolves once the process is gone. */
  kill: () => Promise<void>;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const binary = process.env.SB_BINARY ?? path.join(repo, 'build/debug/securebase');
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'sb-api-'));
  // In the run's log folder when there is one, so log-scan.test.ts reads every server's log.
  const logs = logDir();
  const logFile = logs ? path.join(logs, `${path.basename(dataDir)}.log`) : path.join(dataDir, 'server.log');
  const args = [
    'serve',
    '--listen', '127.0.0.1:0',
    '--data-dir', dataDir,
    '--content', options.content ?? path.join(repo, 'content'),
    '--web-dir', path.join(repo, 'web/dist'),
    '--threads', '2',
  ];
  const prefix = process.env.SB_API_OWN_DATABASE_PREFIX;
  const own = options.ownDatabase !== undefined;
  const database =
    options.database ??
    (own ? (prefix ? `${prefix}${options.ownDatabase}` : undefined) : process.env.SB_API_DATABASE_URL);
  if (database) args.push('--database', database);

  const [command, ...rest] = [...(options.launcher ?? []), binary, ...args];
  const child = spawn(command!, rest, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...cleanEnv(), ...options.env } });
  const log = createWriteStream(logFile, { flags: 'a' });
  // 'close', not 'exit': a process can exit before its last lines have been read from the
  // pipes, and a line written to the log after it has ended is an uncaught error.
  const closed = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  child.stdout!.pipe(log, { end: false });
  const port = await waitForPort(child, log);
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForReady(baseUrl);

  const stop = async () => {
    child.kill('SIGTERM');
    const code = await closed;
    await new Promise<void>((resolve) => log.end(resolve));
    if (code !== 0) throw new Error(`securebase exited with ${code} after SIGTERM (expected 0)`);
    const logged = readFileSync(logFile, 'utf8');
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    return logged;
  };
  const kill = async () => {
    child.kill('SIGKILL');
    await closed;
    await new Promise<void>((resolve) => log.end(resolve));
  };
  return { baseUrl, port, dataDir, database, logFile, pid: child.pid!, stop, kill };
}

// The server refuses unknown SECUREBASE_* variables; the tests' own settings
// must not leak into it.
export function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('SECUREBASE_')) env[k] = v;
  return env;
}

function waitForPort(child: ChildProcess, log: NodeJS.WritableStream): Promise<number> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error(`securebase did not start:\n${buffered}`)), 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`securebase exited with ${code} before listening:\n${buffered}`));
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      log.write(chunk);
      buffered += chunk.toString();
      for (const line of buffered.split('\n')) {
        if (!line.includes('"event":"listening"')) continue;
        const port = (JSON.parse(line) as { port: number }).port;
        clearTimeout(timer);
        resolve(port);
        return;
      }
    });
  });
}

async function waitForReady(baseUrl: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error('securebase never became ready');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Settings that send a server's mail to the test sink. */
export function mailEnv(url: string, caFile: string): Record<string, string> {
  return {
    SECUREBASE_MAIL_SMTP_URL: url,
    SECUREBASE_MAIL_SMTP_CA_FILE: caFile,
    SECUREBASE_MAIL_POLL_SECONDS: '1',
    // Each test browser sends its own X-Forwarded-For (support/browser.ts), as
    // clients behind the production proxy do, so that failed log-ins in one
    // test never slow down another.
    SECUREBASE_HTTP_TRUST_FORWARDED_FOR: 'true',
  };
}
