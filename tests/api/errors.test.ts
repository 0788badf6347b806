// Bad input of every shape gets its status as problem+json, the connection
// is handled as promised, and the server keeps serving.
import { describe, expect, inject, it } from 'vitest';
import { createClient } from '../../web/src/api/client';
import { healthz } from '../../web/src/api/health';
import { ApiError } from '../../web/src/api/problem';
import { failure } from './support/failure';
import { verifiedLearner } from './support/learner';
import { header, rawRequest } from './support/raw';

const baseUrl = inject('baseUrl');
const port = inject('port');
const client = createClient({ baseUrl });

async function expectProblem(promise: Promise<unknown>, status: number, type: string): Promise<ApiError> {
  const apiError = await failure(promise);
  expect(apiError.status).toBe(status);
  expect(apiError.problem.type).toBe(`urn:securebase:problem:${type}`);
  expect(apiError.problem.detail).toBeTruthy();
  return apiError;
}

async function stillServing() {
  expect(await healthz(client)).toEqual({ status: 'ok' });
}

describe('bad input', () => {
  it('answers an unknown API route with 404 problem+json', async () => {
    await expectProblem(client.get('/api/v1/no-such-thing'), 404, 'not-found');
    const res = await fetch(`${baseUrl}/api/v1/no-such-thing`);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers a wrong method with 405 and says which methods are allowed', async () => {
    await expectProblem(client.post('/healthz', {}), 405, 'method-not-allowed');
    const res = await fetch(`${baseUrl}/healthz`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  it('refuses a body over the limit with 413 and closes the connection', async () => {
    const big = 'x'.repeat(1024 * 1024 + 1);
    const result = await rawRequest(
      port,
      `POST /healthz HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: ${big.length}\r\n\r\n`,
    );
    expect(result.status).toBe(413);
    expect(header(result.head, 'content-type')).toBe('application/problem+json');
    expect(JSON.parse(result.body)).toMatchObject({ status: 413, type: 'urn:securebase:problem:payload-too-large' });
    expect(result.closed).toBe(true);
    const viaFetch = await fetch(`${baseUrl}/healthz`, { method: 'POST', body: big });
    expect(viaFetch.status).toBe(413);
    await stillServing();
  });

  it('refuses headers over 16 KiB with 431', async () => {
    const result = await rawRequest(port, `GET /healthz HTTP/1.1\r\nHost: t\r\nX-Padding: ${'a'.repeat(17 * 1024)}\r\n\r\n`);
    expect(result.status).toBe(431);
    expect(JSON.parse(result.body)).toMatchObject({ status: 431 });
    expect(result.closed).toBe(true);
    await stillServing();
  });

  it('accepts headers just under 16 KiB', async () => {
    const result = await rawRequest(
      port,
      `GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\nX-Padding: ${'a'.repeat(15 * 1024)}\r\n\r\n`,
    );
    expect(result.status).toBe(200);
  });

  it.each([
    ['a request line that is not HTTP', 'HELLO THERE\r\n\r\n'],
    ['a header without a colon', 'GET /healthz HTTP/1.1\r\nHost: t\r\nNoColonHere\r\n\r\n'],
    ['a non-numeric Content-Length', 'POST /healthz HTTP/1.1\r\nHost: t\r\nContent-Length: ten\r\n\r\n'],
    ['an unsupported HTTP version', 'GET /healthz HTTP/9.9\r\nHost: t\r\n\r\n'],
    ['a target that is not a path', 'GET http//weird HTTP/1.1\r\nHost: t\r\n\r\n'],
  ])('answers %s with 400 and closes', async (_name, bytes) => {
    const result = await rawRequest(port, bytes);
    expect(result.status).toBe(400);
    expect(header(result.head, 'content-type')).toBe('application/problem+json');
    expect(header(result.head, 'content-security-policy')).toContain("frame-ancestors 'none'");
    expect(result.closed).toBe(true);
    await stillServing();
  });

  it('serves pipelined requests in order on one connection', async () => {
    const result = await rawRequest(
      port,
      'GET /healthz HTTP/1.1\r\nHost: t\r\n\r\nGET /readyz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n',
    );
    expect(result.status).toBe(200);
    expect(result.body).toContain('{"status":"ok"}');
    expect(result.body).toContain('{"status":"ready"}');
    expect(result.closed).toBe(true);
  });
});

// The API is for this site's own pages: no answer invites another site's script to read it
// (no CORS headers at all, for plain requests, preflights, or a signed-in person's data).
describe('other sites', () => {
  const corsHeaders = (res: Response) =>
    [...res.headers.keys()].filter((name) => name.toLowerCase().startsWith('access-control-'));

  it('are never allowed to read an answer', async () => {
    const learner = await verifiedLearner();
    const origin = 'https://elsewhere.example';
    const me = await learner.browser.fetch('/api/v1/me', { headers: { Origin: origin } });
    expect(me.status).toBe(200); // a read is answered, but nothing lets the other site's page see it
    expect(corsHeaders(me)).toEqual([]);
    const open = await fetch(`${baseUrl}/api/v1/crisis-lines`, { headers: { Origin: origin } });
    expect(corsHeaders(open)).toEqual([]);
    const preflight = await fetch(`${baseUrl}/api/v1/journal/entries`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(preflight.ok).toBe(false);
    expect(corsHeaders(preflight)).toEqual([]);
    await stillServing();
  });
});
