import { describe, expect, inject, it } from 'vitest';
import { createClient } from '../../web/src/api/client';
import { healthz, readyz } from '../../web/src/api/health';

const client = createClient({ baseUrl: inject('baseUrl') });

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
