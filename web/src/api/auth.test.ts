// @vitest-environment node
// Every route of docs/api/accounts.md under /api/v1/auth: the path, the method, the body and the
// CSRF header it sends, and how its answers come back.
import { describe, expect, it } from 'vitest';
import {
  changeEmail,
  changePassword,
  confirmEmailChange,
  confirmTwoFactorEnrolment,
  forgotPassword,
  login,
  logout,
  renewRecoveryCodes,
  resendVerification,
  resetPassword,
  signup,
  startTwoFactorEnrolment,
  submitTwoFactorCode,
  verifyEmail,
} from './auth';
import { createClient } from './client';
import { fakeFetch, jsonResponse } from './fake-fetch';
import type { Me } from './me';
import { ApiError } from './problem';

const me: Me = {
  id: 'u1',
  email: 'sam@example.org',
  display_name: 'Sam',
  role: 'practitioner',
  time_zone: 'Europe/London',
  country: 'GB',
  email_verified: true,
  two_factor: { enrolled: true, required: true, passed: false },
};

const problem = (status: number, slug: string, extra: Record<string, unknown> = {}) =>
  jsonResponse(
    status,
    { type: `urn:securebase:problem:${slug}`, title: 'Refused', status, ...extra },
    'application/problem+json',
  );

/** Calls `run` against a server that answers `response`, and returns what was sent. */
async function call<T>(response: () => Response, run: (client: ReturnType<typeof createClient>) => Promise<T>) {
  const { fetch, requests } = fakeFetch(response);
  const client = createClient({ fetch, csrfToken: () => 'csrf-1' });
  const result = await run(client);
  expect(requests).toHaveLength(1);
  const [request] = requests;
  return {
    result,
    url: request!.url,
    method: request!.init.method,
    csrf: request!.headers['X-CSRF-Token'],
    body: request!.init.body === undefined ? undefined : (JSON.parse(request!.init.body as string) as unknown),
  };
}

async function failure(response: () => Response, run: (client: ReturnType<typeof createClient>) => Promise<unknown>) {
  const { fetch } = fakeFetch(response);
  const error = await run(createClient({ fetch, csrfToken: () => 'c' })).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('auth routes: what each one sends', () => {
  const form = {
    email: 'ana@example.org',
    password: 'quiet harbour lantern',
    display_name: 'Ana',
    time_zone: 'Europe/Lisbon',
    country: 'PT',
  };

  it.each([
    ['signup', '/api/v1/auth/signup', form, (c: never) => signup(form, c), { status: 'check-email' }],
    ['verifyEmail', '/api/v1/auth/verify', { token: 't1' }, (c: never) => verifyEmail('t1', c), { verified: true }],
    [
      'resendVerification',
      '/api/v1/auth/verify/resend',
      { email: 'ana@example.org' },
      (c: never) => resendVerification('ana@example.org', c),
      {},
    ],
    [
      'login',
      '/api/v1/auth/login',
      { email: 'ana@example.org', password: 'pw pw pw pw' },
      (c: never) => login({ email: 'ana@example.org', password: 'pw pw pw pw' }, c),
      { ...me, mfa_required: true },
    ],
    ['submitTwoFactorCode', '/api/v1/auth/mfa', { code: '123456' }, (c: never) => submitTwoFactorCode('123456', c), me],
    [
      'confirmTwoFactorEnrolment',
      '/api/v1/auth/mfa/confirm',
      { code: '654321' },
      (c: never) => confirmTwoFactorEnrolment('654321', c),
      me,
    ],
    [
      'forgotPassword',
      '/api/v1/auth/password/forgot',
      { email: 'ana@example.org' },
      (c: never) => forgotPassword('ana@example.org', c),
      {},
    ],
    [
      'changeEmail',
      '/api/v1/auth/email/change',
      { password: 'pw pw pw pw', new_email: 'new@example.org' },
      (c: never) => changeEmail({ password: 'pw pw pw pw', new_email: 'new@example.org' }, c),
      { status: 'check-email' },
    ],
    [
      'confirmEmailChange',
      '/api/v1/auth/email/confirm',
      { token: 't2' },
      (c: never) => confirmEmailChange('t2', c),
      { email: 'new@example.org' },
    ],
  ] as const)('%s posts to %s', async (_name, path, body, run, answer) => {
    const sent = await call(() => jsonResponse(200, answer), run as (c: unknown) => Promise<unknown>);
    expect(sent.url).toBe(path);
    expect(sent.method).toBe('POST');
    expect(sent.csrf).toBe('csrf-1');
    expect(sent.body).toEqual(body);
    expect(sent.result).toEqual(answer);
  });

  it('enrolment posts the current password and returns the secret, QR code and recovery codes', async () => {
    const enrolment = {
      secret: 'JBSWY3DPEHPK3PXP',
      otpauth_uri: 'otpauth://totp/Secure%20Base:sam@example.org?secret=JBSWY3DPEHPK3PXP',
      qr_svg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
      recovery_codes: Array.from({ length: 10 }, (_, i) => `code-${i}`),
    };
    const sent = await call(() => jsonResponse(200, enrolment), (c) => startTwoFactorEnrolment('pw', c));
    expect(sent.url).toBe('/api/v1/auth/mfa/enroll');
    expect(sent.method).toBe('POST');
    expect(sent.csrf).toBe('csrf-1');
    expect(sent.body).toEqual({ current_password: 'pw' });
    expect(sent.result).toEqual(enrolment);
  });

  it('renewing recovery codes posts the current password and returns the new codes', async () => {
    const answer = { recovery_codes: Array.from({ length: 10 }, (_, i) => `abcd-efgh-jkmn-pqrs-tuvw-xyz${i + 2}`) };
    const sent = await call(() => jsonResponse(200, answer), (c) => renewRecoveryCodes('pw', c));
    expect(sent.url).toBe('/api/v1/auth/mfa/recovery-codes');
    expect(sent.method).toBe('POST');
    expect(sent.csrf).toBe('csrf-1');
    expect(sent.body).toEqual({ current_password: 'pw' });
    expect(sent.result).toEqual(answer);
  });

  it('logout posts no body and reads the empty 204', async () => {
    const sent = await call(() => new Response(null, { status: 204 }), (c) => logout(c));
    expect(sent.url).toBe('/api/v1/auth/logout');
    expect(sent.csrf).toBe('csrf-1');
    expect(sent.result).toBeUndefined();
  });

  it('reset and change of password read the empty 204', async () => {
    const reset = await call(
      () => new Response(null, { status: 204 }),
      (c) => resetPassword({ token: 't3', password: 'a new long password' }, c),
    );
    expect(reset.url).toBe('/api/v1/auth/password/reset');
    expect(reset.body).toEqual({ token: 't3', password: 'a new long password' });

    const change = await call(
      () => new Response(null, { status: 204 }),
      (c) => changePassword({ current_password: 'old one here', new_password: 'a new long password' }, c),
    );
    expect(change.url).toBe('/api/v1/auth/password/change');
    expect(change.body).toEqual({ current_password: 'old one here', new_password: 'a new long password' });
  });
});

describe('auth routes: refusals', () => {
  it('login: wrong email or password', async () => {
    const error = await failure(() => problem(401, 'invalid-credentials'), (c) => login({ email: 'a', password: 'b' }, c));
    expect(error.status).toBe(401);
    expect(error.is('invalid-credentials')).toBe(true);
  });

  it('login: email not confirmed yet', async () => {
    const error = await failure(() => problem(403, 'email-not-verified'), (c) => login({ email: 'a', password: 'b' }, c));
    expect(error.is('email-not-verified')).toBe(true);
  });

  it('login: too many attempts, with the wait', async () => {
    const error = await failure(
      () =>
        new Response(JSON.stringify({ type: 'urn:securebase:problem:too-many-requests', title: 'Wait', status: 429 }), {
          status: 429,
          headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '64' },
        }),
      (c) => login({ email: 'a', password: 'b' }, c),
    );
    expect(error.is('too-many-requests')).toBe(true);
    expect(error.retryAfter).toBe(64);
  });

  it('a used or expired link', async () => {
    for (const run of [
      (c: never) => verifyEmail('old', c),
      (c: never) => resetPassword({ token: 'old', password: 'long enough' }, c),
      (c: never) => confirmEmailChange('old', c),
    ]) {
      const error = await failure(() => problem(400, 'invalid-token'), run as (c: unknown) => Promise<unknown>);
      expect(error.is('invalid-token')).toBe(true);
    }
  });

  it('a wrong two-factor code', async () => {
    const error = await failure(() => problem(400, 'invalid-code'), (c) => submitTwoFactorCode('000000', c));
    expect(error.is('invalid-code')).toBe(true);
  });

  it('enrolment when already enrolled', async () => {
    const error = await failure(() => problem(409, 'conflict'), (c) => startTwoFactorEnrolment('pw', c));
    expect(error.status).toBe(409);
  });

  it('a wrong current password is a field error', async () => {
    const error = await failure(
      () => problem(400, 'invalid-argument', { errors: [{ field: 'current_password', message: 'is not right' }] }),
      (c) => changePassword({ current_password: 'x', new_password: 'y' }, c),
    );
    expect(error.fieldError('current_password')).toBe('is not right');
  });
});
