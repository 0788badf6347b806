import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createClient } from '../../web/src/api/client';
import { healthz, readyz } from '../../web/src/api/health';
import { startServer, type RunningServer } from './support/server';

const client = createClient({ baseUrl: inject('baseUrl') });

/** What an address with nothing at it answers: status, type and the whole problem body. */
async function answerOf(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
}

describe('operations endpoints', () => {
  it('says it is alive', async () => {
    expect(await healthz(client)).toEqual({ status: 'ok' });
  });

  it('says it is ready once the database answers', async () => {
    expect(await readyz(client)).toEqual({ status: 'ready' });
  });

  it('exposes Prometheus metrics that count requests by route, never by raw path', async () => {
    await healthz(client);
    await fetch(`${inject('baseUrl')}/api/v1/lessons/some-private-token`);
    const res = await fetch(`${inject('baseUrl')}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toMatch(/securebase_http_requests_total\{route="\/healthz",method="GET",status="200"\} [1-9]/);
    expect(text).toContain('securebase_http_request_seconds_bucket{route="/healthz",le="+Inf"}');
    expect(text).toContain('securebase_db_seconds_count{op="ping"}');
    expect(text).not.toContain('some-private-token');
  });

  it('answers operations endpoints with no-store and the security headers', async () => {
    const res = await fetch(`${inject('baseUrl')}/healthz`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f]{16}$/);
  });
});

// api/metrics_access.h: the server keeps /metrics to itself, whatever the proxy in front does.
describe('who may read /metrics', () => {
  const proxyHeaders: Record<string, string>[] = [
    { 'X-Forwarded-For': '203.0.113.9' },
    { Forwarded: 'for=203.0.113.9;proto=https' },
    { 'X-Real-IP': '203.0.113.9' },
  ];

  it('without a token: this machine straight to the server, nobody through a proxy', async () => {
    const base = inject('baseUrl');
    expect((await fetch(`${base}/metrics`)).status).toBe(200);
    const nothingHere = await answerOf(`${base}/api/v1/nothing-here`);
    expect(nothingHere.status).toBe(404);
    expect(nothingHere.type).toBe('application/problem+json');
    for (const headers of proxyHeaders) {
      // Exactly what an empty address answers: nothing says there is something here.
      expect(await answerOf(`${base}/metrics`, headers), JSON.stringify(headers)).toEqual(nothingHere);
    }
  });

  describe('with metrics.token set', () => {
    const token = 'f3b1c9d0e8a7465b92c1d4e5f6a7b8c9d0e1f2a3b4c5d6e7';
    let work: string;
    let server: RunningServer;

    beforeAll(async () => {
      // A server of its own for the setting; which database it has does not matter here.
      work = mkdtempSync(path.join(tmpdir(), 'sb-metrics-'));
      server = await startServer({
        database: `sqlite://${work}/metrics.db`,
        env: { SECUREBASE_METRICS_TOKEN: token, SECUREBASE_HTTP_TRUST_FORWARDED_FOR: 'true' },
      });
    });

    afterAll(async () => {
      await server?.stop();
      if (work) rmSync(work, { recursive: true, force: true });
    });

    it('answers its Bearer from anywhere, through a proxy too', async () => {
      for (const headers of [{}, ...proxyHeaders]) {
        const res = await fetch(`${server.baseUrl}/metrics`, { headers: { ...headers, Authorization: `Bearer ${token}` } });
        expect(res.status, JSON.stringify(headers)).toBe(200);
        expect(await res.text()).toContain('securebase_http_requests_total');
      }
    });

    it('refuses everyone else, this machine included, as an empty address', async () => {
      const nothingHere = await answerOf(`${server.baseUrl}/api/v1/nothing-here`);
      expect(nothingHere.status).toBe(404);
      for (const authorization of [undefined, `Bearer ${token.slice(1)}`, `Bearer ${token}0`, `Basic ${token}`, token]) {
        const headers: Record<string, string> = authorization ? { Authorization: authorization } : {};
        expect(await answerOf(`${server.baseUrl}/metrics`, headers), String(authorization)).toEqual(nothingHere);
      }
    });
  });
});
