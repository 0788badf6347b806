// http.tls through the real binary (app/config.cc): it follows an https:// http.public_url, so a
// site put at an https:// address sends Secure cookies and Strict-Transport-Security without a
// second setting to remember; set to false beside such an address, the server does not start and
// says why in one sentence naming both settings. Its database does not matter here: SQLite in a
// folder of its own on both passes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli';
import { startServer, type RunningServer } from './support/server';

const work = mkdtempSync(path.join(tmpdir(), 'sb-tls-setting-'));
const publicUrl = 'https://care.example.org';

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a site at an https:// address', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({ database: `sqlite://${work}/tls.db`, env: { SECUREBASE_HTTP_PUBLIC_URL: publicUrl } });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('sends Strict-Transport-Security and Secure cookies without http.tls being set', async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/crisis-lines?country=GB`);
    expect(res.status).toBe(200);
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^csrf=/);
    expect(cookie).toMatch(/; Secure(;|$)/);
  });
});

describe('http.tls = false beside an https:// address', () => {
  it('stops start-up with one sentence naming both settings and the fix', async () => {
    const run = await runCli(['serve', '--listen', '127.0.0.1:0', '--data-dir', path.join(work, 'refused')], {
      SECUREBASE_HTTP_PUBLIC_URL: publicUrl,
      SECUREBASE_HTTP_TLS: 'false',
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(
      'http.public_url is https:// but http.tls is false, so browsers would get session cookies without Secure and no ' +
        'Strict-Transport-Security: remove http.tls (it then follows http.public_url) or set it to true.',
    );
    expect(run.stderr).not.toContain('"event":"listening"');
  });
});
