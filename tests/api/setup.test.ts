// First-run setup: the site is claimed once, with the token the server
// printed in its log, and the practitioner account it creates is real.
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import {
  confirmTwoFactorEnrolment,
  login,
  logout,
  startTwoFactorEnrolment,
  submitTwoFactorCode,
} from '../../web/src/api/auth';
import { getMe, updateMe } from '../../web/src/api/me';
import { newBrowser, openBrowser } from './support/browser';
import { failure } from './support/failure';
import { totp } from '../e2e/support/totp';

const browser = newBrowser();
const client = browser.client;

function tokenFromLog(): string {
  const lines = readFileSync(inject('logFile'), 'utf8').split('\n');
  const line = lines.find((l) => l.includes('"event":"setup_needed"'));
  expect(line, 'the server logs a setup token while no practitioner exists').toBeDefined();
  return (JSON.parse(line!) as { setup_token: string }).setup_token;
}


const form = {
  email: 'Therapist@Example.org',
  password: 'a calm and long password',
  display_name: 'The Therapist',
  time_zone: 'Europe/London',
  country: 'GB',
};

describe('first-run setup', () => {
  it('says setup is needed on a new site', async () => {
    expect(await client.get('/api/v1/setup')).toEqual({ needed: true });
  });

  it('refuses a wrong token with 403 naming the field', async () => {
    const error = await failure(client.post('/api/v1/setup', { ...form, token: 'f'.repeat(32) }));
    expect(error.status).toBe(403);
    expect(error.problem.errors?.[0]?.field).toBe('token');
  });

  it('lists every bad field at once with 400', async () => {
    const error = await failure(
      client.post('/api/v1/setup', {
        token: tokenFromLog(),
        email: 'not an email',
        password: 'short',
        display_name: '',
        time_zone: 'Europe/Nowhere',
        country: 'GBR',
      }),
    );
    expect(error.status).toBe(400);
    expect(error.problem.errors?.map((e) => e.field)).toEqual(['email', 'password', 'display_name', 'time_zone', 'country']);
    const wrongType = await failure(client.post('/api/v1/setup', { ...form, token: tokenFromLog(), password: 12345678 }));
    expect(wrongType.status).toBe(400);
    expect(wrongType.problem.errors?.[0]).toEqual({ field: 'password', message: 'must be text' });
  });

  it('refuses a body that is not JSON', async () => {
    const res = await fetch(`${inject('baseUrl')}/api/v1/setup`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'token=abc',
    });
    expect(res.status).toBe(415);
    const bad = await browser.fetch('/api/v1/setup', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': browser.cookies.get('csrf')! },
      body: '{"token": ',
    });
    expect(bad.status).toBe(400);
  });

  it('creates the practitioner with the right token, once', async () => {
    const created = await client.post<{ id: string; email: string; role: string }>('/api/v1/setup', {
      ...form,
      token: tokenFromLog(),
    });
    expect(created.email).toBe('therapist@example.org');
    expect(created.role).toBe('practitioner');
    expect(created.id).toMatch(/^[0-9a-f]{32}$/);
    expect(await client.get('/api/v1/setup')).toEqual({ needed: false });

    const again = await failure(client.post('/api/v1/setup', { ...form, token: tokenFromLog() }));
    expect(again.status).toBe(409);
  });

  it('makes the practitioner enrol in two-factor at first log-in, then ask for a code each time', async () => {
    const first = await openBrowser();
    const signedIn = await login({ email: form.email, password: form.password }, first.client);
    expect(signedIn).toMatchObject({ role: 'practitioner', mfa_enrollment_required: true, mfa_required: false });
    // Until enrolment is done the session can do nothing but enrol.
    expect((await getMe(first.client)).two_factor).toMatchObject({ enrolled: false, required: true, passed: false });
    const locked = await failure(updateMe({ display_name: 'Changed' }, first.client));
    expect(locked.status).toBe(401);
    expect(locked.problem.type).toBe('urn:securebase:problem:two-factor-required');

    // Beginning asks for the password again; a wrong one is a field error and begins nothing.
    const wrongPassword = await failure(startTwoFactorEnrolment('not the password', first.client));
    expect(wrongPassword.status).toBe(400);
    expect(wrongPassword.problem.errors).toEqual([
      { field: 'current_password', message: 'is not right' },
    ]);
    expect((await failure(confirmTwoFactorEnrolment('000000', first.client))).problem.type).toBe(
      'urn:securebase:problem:no-enrollment',
    );
    const missing = await failure(first.client.post('/api/v1/auth/mfa/enroll', {}));
    expect(missing.status).toBe(400);
    expect(missing.problem.errors?.[0]?.field).toBe('current_password');

    const enrolment = await startTwoFactorEnrolment(form.password, first.client);
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.otpauth_uri).toMatch(/^otpauth:\/\/totp\/Secure%20Base:therapist%40example\.org\?/);
    expect(enrolment.qr_svg).toMatch(/^<svg[^>]+role="img"/);
    expect(enrolment.recovery_codes).toHaveLength(10);
    expect(new Set(enrolment.recovery_codes).size).toBe(10);

    const wrong = await failure(confirmTwoFactorEnrolment('000000', first.client));
    expect(wrong.problem.type).toBe('urn:securebase:problem:invalid-code');
    const confirmed = await confirmTwoFactorEnrolment(totp(enrolment.secret), first.client);
    expect(confirmed.two_factor).toMatchObject({ enrolled: true, required: true, passed: true });
    expect((await updateMe({ display_name: 'The Therapist' }, first.client)).display_name).toBe('The Therapist');
    const again = await failure(startTwoFactorEnrolment(form.password, first.client));
    expect(again.status).toBe(409);
    await logout(first.client);

    // Next log-in: a code is owed. The code just used does not work twice.
    const second = await openBrowser();
    expect(await login({ email: form.email, password: form.password }, second.client)).toMatchObject({ mfa_required: true });
    expect((await failure(updateMe({ display_name: 'X' }, second.client))).status).toBe(401);
    const replay = await failure(submitTwoFactorCode(totp(enrolment.secret), second.client));
    expect(replay.problem.type).toBe('urn:securebase:problem:invalid-code');
    // Someone who knows only the password cannot enrol a second factor of their own.
    expect((await failure(startTwoFactorEnrolment(form.password, second.client))).status).toBe(409);
    const recovery = enrolment.recovery_codes[0]!;
    const owing = second.cookies.get('sb_session')!;
    expect((await submitTwoFactorCode(recovery.toUpperCase(), second.client)).two_factor.passed).toBe(true);
    expect((await getMe(second.client)).two_factor.recovery_codes_left).toBe(9);
    // The code passed, the session goes on under a new token; the one from before the code is dead,
    // so a token seen or planted before the second factor is worth nothing after it.
    expect(second.cookies.get('sb_session')).toMatch(/^[0-9a-f]{64}$/);
    expect(second.cookies.get('sb_session')).not.toBe(owing);
    const stale = newBrowser();
    stale.cookies.set('sb_session', owing);
    expect((await stale.fetch('/api/v1/me')).status).toBe(401);

    // A recovery code works once.
    const third = await openBrowser();
    await login({ email: form.email, password: form.password }, third.client);
    const reused = await failure(submitTwoFactorCode(recovery, third.client));
    expect(reused.problem.type).toBe('urn:securebase:problem:invalid-code');
    await logout(third.client);
    expect((await failure(getMe(third.client))).status).toBe(401);
  });

  it('never writes the password or the email to the log', () => {
    const log = readFileSync(inject('logFile'), 'utf8');
    expect(log).not.toContain(form.password);
    expect(log.toLowerCase()).not.toContain('therapist@example.org');
  });
});
