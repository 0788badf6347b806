// Stopping a server the tests started keeps everything it logged, to its last line. Those lines
// can arrive after the process has exited; writing them to an ended log once failed a CI run
// with an uncaught error (support/server.ts waits for 'close' since).
import { describe, expect, it } from 'vitest';
import { startServer } from './support/server';

describe('a test server', () => {
  it('stops cleanly on SIGTERM and its log ends with the shutdown', async () => {
    // A few rounds: the race this guards against did not show every time.
    for (let round = 0; round < 3; round++) {
      const server = await startServer();
      const lines = (await server.stop()).trim().split('\n');
      expect(JSON.parse(lines[lines.length - 1]!).event).toBe('shutdown_complete');
    }
  });
});
