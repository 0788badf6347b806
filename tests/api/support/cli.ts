// Runs the securebase binary's other commands (keys, audit, backup, restore) as an operator
// would, beside a running test server: asynchronously, so the server under test keeps answering
// the test's requests meanwhile, and with none of the test's own SECUREBASE_* settings.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { cleanEnv, repo } from './server';

export const binary = process.env.SB_BINARY ?? path.join(repo, 'build/debug/securebase');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { env: { ...cleanEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}
