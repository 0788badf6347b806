// @vitest-environment node
// Runs without jsdom, as the API black-box tests do: importing the client and a resource
// module must not need document or window.
import { describe, expect, it } from 'vitest';
import { createClient } from './client';
import { fakeFetch, jsonResponse } from './fake-fetch';
import { healthz, readyz } from './health';
import { ApiError } from './problem';

describe('health (in node)', () => {
  it('runs with no browser globals', () => {
    expect(typeof document).toBe('undefined');
    expect(typeof window).toBe('undefined');
  });

  it('healthz reads {"status":"ok"}', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse(200, { status: 'ok' }));
    const client = createClient({ baseUrl: 'http://127.0.0.1:8080', fetch });
    await expect(healthz(client)).resolves.toEqual({ status: 'ok' });
    expect(requests[0]?.url).toBe('http://127.0.0.1:8080/healthz');
  });

  it('readyz reads {"status":"ready"}', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse(200, { status: 'ready' }));
    await expect(readyz(createClient({ fetch }))).resolves.toEqual({ status: 'ready' });
    expect(requests[0]?.url).toBe('/readyz');
  });

  it('readyz throws the 503 problem when the server is not ready', async () => {
    const { fetch } = fakeFetch(() =>
      jsonResponse(
        503,
        { type: 'about:blank', title: 'Not ready', status: 503, detail: 'database unavailable' },
        'application/problem+json',
      ),
    );
    const error = await readyz(createClient({ fetch })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(503);
    expect((error as ApiError).detail).toBe('database unavailable');
  });

  it('uses the csrf function it is given, since node has no cookies', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse(200, {}));
    const client = createClient({ fetch, csrfToken: () => 'from-jar' });
    await client.post('/api/v1/auth/logout');
    expect(requests[0]?.headers['X-CSRF-Token']).toBe('from-jar');
  });
});
