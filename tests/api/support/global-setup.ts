// Starts the real securebase binary for the API tests and stops it after.
//
//   SB_BINARY            path to securebase (default build/debug/securebase)
//   SB_API_DATABASE_URL  a database URL; default: SQLite in a fresh temp dir
//
// Mail goes to a real SMTP sink (support/mail-sink.ts) over STARTTLS; tests
// read it with waitForMail.
//
// The server listens on a free port (--listen 127.0.0.1:0) and reports it in
// its "listening" log line, which we read from stderr. Everything it logs is
// kept in a file whose path the tests can read (for the no-personal-data
// checks that later issues add).
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startMailSink } from './mail-sink';

const repo = path.resolve(__dirname, '../../..');

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    port: number;
    logFile: string;
    mailDir: string;
    mailUrl: string;
    mailCaFile: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const binary = process.env.SB_BINARY ?? path.join(repo, 'build/debug/securebase');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sb-api-'));
  const logFile = path.join(dataDir, 'server.log');
  const args = [
    'serve',
    '--listen', '127.0.0.1:0',
    '--data-dir', dataDir,
    '--content', path.join(repo, 'content'),
    '--web-dir', path.join(repo, 'web/dist'),
    '--threads', '2',
  ];
  if (process.env.SB_API_DATABASE_URL) args.push('--database', process.env.SB_API_DATABASE_URL);

  const sink = await startMailSink(path.join(dataDir, 'smtp'));
  const env = {
    ...cleanEnv(),
    SECUREBASE_MAIL_SMTP_URL: sink.url,
    SECUREBASE_MAIL_SMTP_CA_FILE: sink.caFile,
    SECUREBASE_MAIL_POLL_SECONDS: '1',
    // Each test browser sends its own X-Forwarded-For (support/browser.ts), as
    // clients behind the production proxy do, so that failed log-ins in one
    // test never slow down another.
    SECUREBASE_HTTP_TRUST_FORWARDED_FOR: 'true',
  };
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  const log = createWriteStream(logFile);
  child.stdout!.pipe(log, { end: false });
  let port: number;
  try {
    port = await waitForPort(child, log);
  } catch (e) {
    await sink.stop();
    throw e;
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForReady(baseUrl);
  project.provide('baseUrl', baseUrl);
  project.provide('port', port);
  project.provide('logFile', logFile);
  project.provide('mailDir', sink.maildir);
  project.provide('mailUrl', sink.url);
  project.provide('mailCaFile', sink.caFile);

  return async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    const code = await exited;
    log.end();
    await sink.stop();
    if (code !== 0) throw new Error(`securebase exited with ${code} after SIGTERM (expected 0)`);
    rmSync(dataDir, { recursive: true, force: true });
  };
}

// The server refuses unknown SECUREBASE_* variables; the tests' own settings
// must not leak into it.
function cleanEnv(): NodeJS.ProcessEnv {
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
