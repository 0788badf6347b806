import { describe, expect, it } from 'vitest';
import { createClient } from './client';
import { fakeFetch, jsonResponse } from './fake-fetch';
import { ApiError, networkProblemType, unexpectedResponseType } from './problem';

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('createClient: requests', () => {
  it('sends JSON and reads JSON back', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse(201, { id: 7 }));
    const client = createClient({ baseUrl: 'http://127.0.0.1:8080', fetch, csrfToken: () => undefined });

    const created = await client.post<{ id: number }>('/api/v1/things', { name: 'calm' });

    expect(created).toEqual({ id: 7 });
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.url).toBe('http://127.0.0.1:8080/api/v1/things');
    expect(request?.init.method).toBe('POST');
    expect(request?.init.body).toBe('{"name":"calm"}');
    expect(request?.init.credentials).toBe('same-origin');
    expect(request?.headers['Content-Type']).toBe('application/json');
    expect(request?.headers.Accept).toContain('application/problem+json');
  });

  it('builds the query string, leaving out empty values', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse(200, { slots: [] }));
    const client = createClient({ fetch });
    await client.get('/api/v1/slots', {
      query: { session_type: 3, tz: 'America/New_York', from: undefined, to: null },
    });
    expect(requests[0]?.url).toBe('/api/v1/slots?session_type=3&tz=America%2FNew_York');
  });

  it('returns undefined for an empty success (204)', async () => {
    const { fetch } = fakeFetch(() => new Response(null, { status: 204 }));
    const client = createClient({ fetch, csrfToken: () => 't' });
    await expect(client.delete('/api/v1/journal/1')).resolves.toBeUndefined();
  });

  it('passes extra headers such as Idempotency-Key', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse(201, {}));
    const client = createClient({ fetch, csrfToken: () => 't' });
    await client.post('/api/v1/bookings', {}, { headers: { 'Idempotency-Key': 'k-1' } });
    expect(requests[0]?.headers['Idempotency-Key']).toBe('k-1');
  });
});

describe('createClient: CSRF', () => {
  it('sends X-CSRF-Token from the injected source on every state-changing method', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse(200, {}));
    const client = createClient({ fetch, csrfToken: () => 'token-123' });

    await client.post('/a', {});
    await client.put('/a', {});
    await client.patch('/a', {});
    await client.delete('/a');

    expect(requests.map((r) => [r.init.method, r.headers['X-CSRF-Token']])).toEqual([
      ['POST', 'token-123'],
      ['PUT', 'token-123'],
      ['PATCH', 'token-123'],
      ['DELETE', 'token-123'],
    ]);
  });

  it('does not send the token on GET', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse(200, {}));
    const client = createClient({ fetch, csrfToken: () => 'token-123' });
    await client.get('/a');
    expect(requests[0]?.headers['X-CSRF-Token']).toBeUndefined();
  });

  it('reads the csrf cookie in the browser by default, at request time', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse(200, {}));
    const client = createClient({ fetch });
    document.cookie = 'theme=calm';
    document.cookie = 'csrf=abc%2Fdef';

    await client.post('/a', {});

    expect(requests[0]?.headers['X-CSRF-Token']).toBe('abc/def');
  });

  it('sends no token header when there is no token', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse(200, {}));
    const client = createClient({ fetch });
    await client.post('/a', {});
    expect(requests[0]?.headers).not.toHaveProperty('X-CSRF-Token');
  });
});

describe('createClient: errors', () => {
  it('throws the problem+json document as an ApiError', async () => {
    const { fetch } = fakeFetch(() =>
      jsonResponse(
        422,
        {
          type: 'https://securebase.example/problems/validation',
          title: 'Some answers need another look',
          status: 422,
          detail: 'Two fields were not accepted.',
          errors: [
            { field: 'email', message: 'Please enter an email address.' },
            { field: 'password', message: 'Please use at least 12 characters.' },
            { nonsense: true },
          ],
        },
        'application/problem+json',
      ),
    );
    const client = createClient({ fetch, csrfToken: () => 't' });

    const error = await caught(client.post('/api/v1/auth/signup', {}));

    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.type).toBe('https://securebase.example/problems/validation');
    expect(error.title).toBe('Some answers need another look');
    expect(error.detail).toBe('Two fields were not accepted.');
    expect(error.errors).toEqual([
      { field: 'email', message: 'Please enter an email address.' },
      { field: 'password', message: 'Please use at least 12 characters.' },
    ]);
    expect(error.fieldError('password')).toBe('Please use at least 12 characters.');
    expect(error.fieldError('name')).toBeUndefined();
  });

  it('uses the HTTP status even if the body disagrees', async () => {
    const { fetch } = fakeFetch(() =>
      jsonResponse(409, { type: 'about:blank', title: 'Taken', status: 200 }, 'application/problem+json'),
    );
    const error = await caught(createClient({ fetch }).get('/a'));
    expect(error.status).toBe(409);
    expect(error.title).toBe('Taken');
  });

  it('makes a problem from a non-JSON error (e.g. a proxy page)', async () => {
    const { fetch } = fakeFetch(
      () =>
        new Response('<html>Bad gateway</html>', {
          status: 502,
          statusText: 'Bad Gateway',
          headers: { 'Content-Type': 'text/html' },
        }),
    );
    const error = await caught(createClient({ fetch }).get('/a'));
    expect(error.status).toBe(502);
    expect(error.type).toBe('about:blank');
    expect(error.title).toBe('Bad Gateway');
    expect(error.errors).toEqual([]);
  });

  it('turns a network failure into an ApiError with status 0 and a kind message', async () => {
    const { fetch } = fakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const error = await caught(createClient({ fetch }).get('/api/v1/me'));
    expect(error.status).toBe(0);
    expect(error.type).toBe(networkProblemType);
    expect(error.detail).toMatch(/couldn't reach Secure Base/);
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('lets a cancelled request reject with the AbortError itself', async () => {
    const { fetch } = fakeFetch(() => {
      throw new DOMException('The operation was aborted.', 'AbortError');
    });
    await expect(createClient({ fetch }).get('/a')).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('refuses a success that is not JSON', async () => {
    const { fetch } = fakeFetch(
      () => new Response('<!doctype html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
    );
    const error = await caught(createClient({ fetch }).get('/api/v1/me'));
    expect(error.type).toBe(unexpectedResponseType);
    expect(error.status).toBe(200);
  });

  it('refuses malformed JSON', async () => {
    const { fetch } = fakeFetch(
      () => new Response('{"status":', { status: 200, headers: { 'Content-Type': 'application/json' } }),
    );
    const error = await caught(createClient({ fetch }).get('/healthz'));
    expect(error.type).toBe(unexpectedResponseType);
  });
});

describe('createClient: a refused CSRF token', () => {
  const csrfRefusal = () =>
    jsonResponse(
      403,
      { type: 'urn:securebase:problem:csrf-failed', title: 'Forbidden', status: 403, detail: 'Please try again.' },
      'application/problem+json',
    );

  it('retries a state-changing request once, with the fresh token from the refusal', async () => {
    let token = 'stale';
    const { fetch, requests } = fakeFetch(() => {
      if (requests.length === 1) {
        token = 'fresh'; // the server's Set-Cookie on the 403, as the browser would apply it
        return csrfRefusal();
      }
      return jsonResponse(200, { ok: true });
    });
    const client = createClient({ fetch, csrfToken: () => token });

    await expect(client.post('/api/v1/auth/login', { email: 'a@example.org' })).resolves.toEqual({ ok: true });

    expect(requests.map((r) => r.headers['X-CSRF-Token'])).toEqual(['stale', 'fresh']);
    expect(requests[1]?.init.body).toBe('{"email":"a@example.org"}');
    expect(requests[1]?.init.method).toBe('POST');
  });

  it('retries only once: a second refusal is thrown', async () => {
    const { fetch, requests } = fakeFetch(csrfRefusal);
    const error = await caught(createClient({ fetch, csrfToken: () => 't' }).patch('/api/v1/me', {}));
    expect(requests).toHaveLength(2);
    expect(error.status).toBe(403);
    expect(error.is('csrf-failed')).toBe(true);
  });

  it('does not retry another 403', async () => {
    const { fetch, requests } = fakeFetch(() =>
      jsonResponse(
        403,
        { type: 'urn:securebase:problem:email-not-verified', title: 'Forbidden', status: 403 },
        'application/problem+json',
      ),
    );
    const error = await caught(createClient({ fetch, csrfToken: () => 't' }).post('/api/v1/auth/login', {}));
    expect(requests).toHaveLength(1);
    expect(error.is('email-not-verified')).toBe(true);
  });

  it('does not retry a GET', async () => {
    const { fetch, requests } = fakeFetch(csrfRefusal);
    await caught(createClient({ fetch }).get('/api/v1/me'));
    expect(requests).toHaveLength(1);
  });
});

describe('createClient: Retry-After', () => {
  const tooMany = (retryAfter: string) =>
    new Response(JSON.stringify({ type: 'urn:securebase:problem:too-many-requests', title: 'Slow down', status: 429 }), {
      status: 429,
      headers: { 'Content-Type': 'application/problem+json', 'Retry-After': retryAfter },
    });

  it('carries the seconds to wait on the error', async () => {
    const { fetch } = fakeFetch(() => tooMany('120'));
    const error = await caught(createClient({ fetch }).post('/api/v1/auth/login', {}));
    expect(error.status).toBe(429);
    expect(error.retryAfter).toBe(120);
    expect(error.problem.retry_after).toBe(120);
  });

  it('reads an HTTP date as seconds from now', async () => {
    const { fetch } = fakeFetch(() => tooMany(new Date(Date.now() + 90_000).toUTCString()));
    const error = await caught(createClient({ fetch }).post('/api/v1/auth/login', {}));
    expect(error.retryAfter).toBeGreaterThanOrEqual(88);
    expect(error.retryAfter).toBeLessThanOrEqual(90);
  });

  it('is undefined without the header', async () => {
    const { fetch } = fakeFetch(() => jsonResponse(429, { title: 'Slow down' }, 'application/problem+json'));
    expect((await caught(createClient({ fetch }).get('/a'))).retryAfter).toBeUndefined();
  });
});
