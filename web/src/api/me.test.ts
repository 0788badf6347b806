// @vitest-environment node
// Like the API black-box tests: no browser globals needed to import and call the module.
import { describe, expect, it } from 'vitest';
import { createClient } from './client';
import { fakeFetch, jsonResponse } from './fake-fetch';
import { fullySignedIn, getMe, owesCode, owesEnrolment, updateMe, type Me } from './me';
import { ApiError } from './problem';

const ana: Me = {
  id: '4f0c',
  email: 'ana@example.org',
  display_name: 'Ana',
  role: 'learner',
  time_zone: 'Europe/Lisbon',
  country: 'PT',
  email_verified: true,
  two_factor: { enrolled: false, required: false, passed: false },
};

const problem = (status: number, slug: string, errors?: { field: string; message: string }[]) =>
  jsonResponse(
    status,
    { type: `urn:securebase:problem:${slug}`, title: 'Refused', status, ...(errors ? { errors } : {}) },
    'application/problem+json',
  );

describe('me', () => {
  it('reads the person with GET /api/v1/me, without a CSRF header', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse(200, ana));
    const client = createClient({ baseUrl: 'http://127.0.0.1:8080', fetch, csrfToken: () => 'c' });
    await expect(getMe(client)).resolves.toEqual(ana);
    expect(requests[0]?.url).toBe('http://127.0.0.1:8080/api/v1/me');
    expect(requests[0]?.init.method).toBe('GET');
    expect(requests[0]?.headers['X-CSRF-Token']).toBeUndefined();
  });

  it('throws 401 unauthenticated without a session', async () => {
    const { fetch } = fakeFetch(() => problem(401, 'unauthenticated'));
    const error = (await getMe(createClient({ fetch })).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(401);
    expect(error.is('unauthenticated')).toBe(true);
  });

  it('sends only the changed fields with PATCH, with the CSRF token', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse(200, { ...ana, display_name: 'Ana P' }));
    const client = createClient({ fetch, csrfToken: () => 'csrf-9' });
    const me = await updateMe({ display_name: 'Ana P' }, client);
    expect(me.display_name).toBe('Ana P');
    expect(requests[0]?.url).toBe('/api/v1/me');
    expect(requests[0]?.init.method).toBe('PATCH');
    expect(requests[0]?.headers['X-CSRF-Token']).toBe('csrf-9');
    expect(JSON.parse(requests[0]?.init.body as string)).toEqual({ display_name: 'Ana P' });
  });

  it('throws field errors from a 400', async () => {
    const { fetch } = fakeFetch(() =>
      problem(400, 'invalid-argument', [{ field: 'time_zone', message: 'is not a known IANA time zone' }]),
    );
    const error = (await updateMe({ time_zone: 'Mars/Base' }, createClient({ fetch })).catch((e: unknown) => e)) as ApiError;
    expect(error.fieldError('time_zone')).toBe('is not a known IANA time zone');
  });
});

describe('what a session still owes', () => {
  const withTwoFactor = (two_factor: Me['two_factor']): Me => ({ ...ana, two_factor });

  it('a learner without two-factor is fully signed in', () => {
    expect(fullySignedIn(ana)).toBe(true);
    expect(owesCode(ana)).toBe(false);
    expect(owesEnrolment(ana)).toBe(false);
  });

  it('an enrolled account owes its code until it is given', () => {
    const waiting = withTwoFactor({ enrolled: true, required: true, passed: false });
    expect(owesCode(waiting)).toBe(true);
    expect(fullySignedIn(waiting)).toBe(false);
    const passed = withTwoFactor({ enrolled: true, required: true, passed: true });
    expect(owesCode(passed)).toBe(false);
    expect(fullySignedIn(passed)).toBe(true);
  });

  it('a practitioner without an authenticator owes the enrolment', () => {
    const practitioner = withTwoFactor({ enrolled: false, required: true, passed: false });
    expect(owesEnrolment(practitioner)).toBe(true);
    expect(owesCode(practitioner)).toBe(false);
    expect(fullySignedIn(practitioner)).toBe(false);
  });
});
