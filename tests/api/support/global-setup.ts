// Starts the real securebase binary for the API tests (support/server.ts) and stops it after.
//
// Mail goes to a real SMTP sink (support/mail-sink.ts) over STARTTLS; tests
// read it with waitForMail.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startMailSink } from './mail-sink';
import { mailEnv, startServer } from './server';

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
  // Every server's log and every personal value the browsers send, for log-scan.test.ts. Kept
  // when the caller chose the folder (scripts/test-all keeps it with the run's results).
  const chosenLogDir = process.env.SB_API_LOG_DIR;
  const runLogDir = chosenLogDir ?? mkdtempSync(path.join(tmpdir(), 'sb-api-logs-'));
  mkdirSync(runLogDir, { recursive: true });
  process.env.SB_API_LOG_DIR = runLogDir;
  const mailRoot = mkdtempSync(path.join(tmpdir(), 'sb-mail-'));
  const sink = await startMailSink(path.join(mailRoot, 'smtp'));
  let server;
  try {
    server = await startServer({ env: mailEnv(sink.url, sink.caFile) });
  } catch (e) {
    await sink.stop();
    throw e;
  }
  project.provide('baseUrl', server.baseUrl);
  project.provide('port', server.port);
  project.provide('logFile', server.logFile);
  project.provide('mailDir', sink.maildir);
  project.provide('mailUrl', sink.url);
  project.provide('mailCaFile', sink.caFile);

  return async () => {
    try {
      await server.stop();
    } finally {
      await sink.stop();
      rmSync(mailRoot, { recursive: true, force: true });
      if (!chosenLogDir) rmSync(runLogDir, { recursive: true, force: true });
    }
  };
}
