// The security events a server logged (docs/operations.md, "Security events"): one JSON line
// each, {"event":"security.…","account_id":…,"route":…,"request_id":…}. The server's log reaches
// its file through a pipe, so a test waits for the line it expects rather than reading once.
import { readFileSync } from 'node:fs';

export interface SecurityEvent {
  event: string;
  level: string;
  account_id?: string;
  route: string;
  request_id: string;
}

/** Every security event in a log file, in order. */
export function securityEvents(logFile: string): SecurityEvent[] {
  return readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((line) => line.includes('"event":"security.'))
    .map((line) => JSON.parse(line) as SecurityEvent);
}

/**
 * Waits (polling every 50 ms, for at most 5 s) until the log holds `count` events that match,
 * and returns them; fails listing the security events it did find.
 */
export async function waitForSecurityEvents(
  logFile: string,
  match: Partial<SecurityEvent>,
  count = 1,
): Promise<SecurityEvent[]> {
  const matches = (e: SecurityEvent) =>
    Object.entries(match).every(([key, value]) => e[key as keyof SecurityEvent] === value);
  const deadline = Date.now() + 5_000;
  for (;;) {
    const found = securityEvents(logFile).filter(matches);
    if (found.length >= count) return found;
    if (Date.now() > deadline) {
      const seen = securityEvents(logFile).slice(-20).map((e) => JSON.stringify(e));
      throw new Error(`no ${count} × ${JSON.stringify(match)} in the log; its last security events:\n${seen.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
