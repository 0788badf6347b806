// @vitest-environment node
// Like the API black-box tests: no browser globals needed to import and call the module.
import { describe, expect, it } from 'vitest';
import { createClient } from './client';
import { fakeFetch, jsonResponse } from './fake-fetch';
import { ApiError } from './problem';
import { completeSetup, setupStatus, type SetupForm } from './setup';

const form: SetupForm = {
  token: '0123456789abcdef0123456789abcdef',
  email: 'sam@example.org',
  password: 'a long enough password',
  display_name: 'Sam',
  time_zone: 'Europe/London',
  country: 'GB',
};

describe('setup', () => {
  it('asks whether setup is needed', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse(200, { needed: true }));
    const client = createClient({ baseUrl: 'http://127.0.0.1:8080', fetch });

    await expect(setupStatus(client)).resolves.toEqual({ needed: true });
    expect(requests[0]?.url).toBe('http://127.0.0.1:8080/api/v1/setup');
    expect(requests[0]?.init.method).toBe('GET');
  });

  it('posts the form as JSON, with the CSRF token, and returns the new account', async () => {
    const account = { id: 'u1', email: 'sam@example.org', role: 'practitioner' };
    const { fetch, requests } = fakeFetch(() => jsonResponse(201, account));
    const client = createClient({ fetch, csrfToken: () => 'csrf-1' });

    await expect(completeSetup(form, client)).resolves.toEqual(account);
    expect(requests[0]?.url).toBe('/api/v1/setup');
    expect(requests[0]?.init.method).toBe('POST');
    expect(requests[0]?.headers['Content-Type']).toBe('application/json');
    expect(requests[0]?.headers['X-CSRF-Token']).toBe('csrf-1');
    expect(JSON.parse(requests[0]?.init.body as string)).toEqual(form);
  });

  it('throws the 400 problem with every refused field', async () => {
    const { fetch } = fakeFetch(() =>
      jsonResponse(
        400,
        {
          type: 'about:blank',
          title: 'Bad request',
          status: 400,
          detail: 'Please check these details.',
          errors: [
            { field: 'email', message: 'it needs exactly one @.' },
            { field: 'password', message: 'must be at least 8 characters' },
          ],
        },
        'application/problem+json',
      ),
    );
    const error = await completeSetup(form, createClient({ fetch })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).fieldError('email')).toBe('it needs exactly one @.');
    expect((error as ApiError).fieldError('password')).toBe('must be at least 8 characters');
  });

  it('throws the 403 problem naming the token', async () => {
    const { fetch } = fakeFetch(() =>
      jsonResponse(
        403,
        {
          type: 'about:blank',
          title: 'Forbidden',
          status: 403,
          errors: [{ field: 'token', message: 'does not match the one in the server log' }],
        },
        'application/problem+json',
      ),
    );
    const error = (await completeSetup(form, createClient({ fetch })).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(403);
    expect(error.errors[0]?.field).toBe('token');
  });

  it('passes a cancel signal through', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse(200, { needed: false }));
    const controller = new AbortController();
    await setupStatus(createClient({ fetch }), { signal: controller.signal });
    expect(requests[0]?.init.signal).toBe(controller.signal);
  });
});
