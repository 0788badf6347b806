// No personal data in logs (#11): run last (support/log-scan-last.ts), this reads the log of
// every server the API suite started, on this database, for every personal value a test
// browser sent or was given (support/personal-data.ts) and for anything shaped like an email
// address. Files that check their own feature's log still do; this is the net under all of them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPersonal, logDir, notedValues, personalValues, secretValues, serverLogs } from './support/personal-data';

describe('what the servers logged', () => {
  it('the scan finds a noted value, an email address and a token, and passes a clean log', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sb-log-scan-'));
    try {
      const values = new Set([
        ...personalValues({ contents: { body: { text: 'a quiet walk by the pier' } }, occurred_at: '2026-03-01T10:00:00Z' }),
        ...secretValues({ secret: 'JBSWY3DPEHPK3PXP', recovery_codes: ['abcd-efgh-ijkl'] }),
      ]);
      expect([...values].sort()).toEqual(['JBSWY3DPEHPK3PXP', 'a quiet walk by the pier', 'abcd-efgh-ijkl']);
      const clean = path.join(dir, 'clean.log');
      writeFileSync(clean, '{"event":"request","route":"/api/v1/journal/entries","status":201}\n');
      expect(findPersonal([clean], values)).toEqual([]);
      const leaky = path.join(dir, 'leaky.log');
      writeFileSync(leaky, '{"event":"x"}\n{"event":"y","detail":"a quiet walk by the pier"}\n{"to":"ana@example.org"}\n');
      expect(findPersonal([leaky], values).map((f) => [f.line, f.what.split(' (')[0]])).toEqual([
        [3, 'an email address'],
        [2, 'a noted value'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('no server in this run logged anything personal', () => {
    const dir = logDir();
    expect(dir, 'global-setup.ts sets the run’s log folder').toBeTruthy();
    const logs = serverLogs(dir!);
    const values = notedValues(dir!);
    // The suite's own servers and the values its browsers sent: enough that a clean scan means something.
    expect(logs.length).toBeGreaterThan(10);
    expect(values.size).toBeGreaterThan(300);
    const findings = findPersonal(logs, values);
    expect(findings.map((f) => `${path.basename(f.log)}:${f.line} holds ${f.what}`)).toEqual([]);
  });
});
