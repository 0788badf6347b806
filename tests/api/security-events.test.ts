// Log-in and the security log, through the real binary (docs/security.md gaps 2 and 4;
// docs/operations.md "Security events"). A log-in always gives a new token and ends the session
// the browser had, whoever it belonged to; a cookie value the server never issued never becomes
// a session. Each security event is one log line naming the account (by id, never by address),
// the route and the request, so an operator can count and alert on them.
import { randomBytes } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import {
  changeEmail,
  changePassword,
  confirmEmailChange,
  confirmTwoFactorEnrolment,
  forgotPassword,
  login,
  renewRecoveryCodes,
  resetPassword,
  startTwoFactorEnrolment,
  submitTwoFactorCode,
} from '../../web/src/api/auth';
import { deleteAccount, endOtherSessions, endSession, getMe, listSessions } from '../../web/src/api/me';
import { hotp, base32Decode, timeStep } from '../e2e/support/totp';
import { newBrowser, openBrowser, type Browser } from './support/browser';
import { failure } from './support/failure';
import { learnerPassword, newLearnerEmail, tokenFrom, verifiedLearner } from './support/learner';
import { waitForMail } from './support/mail-sink';
import { securityEvents, waitForSecurityEvents } from './support/security-log';

const logFile = () => inject('logFile');

/** A browser that holds only this session token (a copy of a cookie, kept by someone). */
function holding(token: string): Browser {
  const browser = newBrowser();
  browser.cookies.set('sb_session', token);
  return browser;
}

/** A POST with the browser's cookies and CSRF token, for the answer's X-Request-Id. */
async function post(browser: Browser, path: string, body: unknown): Promise<{ status: number; requestId: string }> {
  const res = await browser.fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': browser.cookies.get('csrf') ?? '' },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  return { status: res.status, requestId: res.headers.get('x-request-id')! };
}

/** Repeats a request that must fail until the server asks to wait (429); at most `tries` times. */
async function untilTooMany(attempt: () => Promise<unknown>, tries = 12): Promise<void> {
  for (let i = 0; i < tries; i++) {
    const refused = await failure(attempt());
    if (refused.status === 429) return;
    expect(refused.status).toBeLessThan(500);
  }
  throw new Error(`no 429 after ${tries} refused tries`);
}

describe('logging in', () => {
  it('starts a new session each time and ends the one this browser had', async () => {
    const { browser, email } = await verifiedLearner();
    const first = browser.cookies.get('sb_session')!;
    await login({ email, password: learnerPassword }, browser.client);
    const second = browser.cookies.get('sb_session')!;
    expect(second).not.toBe(first);
    expect((await getMe(browser.client)).email).toBe(email);
    expect((await failure(getMe(holding(first).client))).status).toBe(401);
    expect((await listSessions(browser.client)).sessions).toHaveLength(1);
  });

  it('ends the earlier person’s session when someone else logs in over it', async () => {
    const ana = await verifiedLearner();
    const ben = await verifiedLearner();
    const anaId = (await getMe(ana.browser.client)).id;
    const anasToken = ana.browser.cookies.get('sb_session')!;

    // A shared computer: Ben logs in where Ana was signed in.
    await login({ email: ben.email, password: learnerPassword }, ana.browser.client);
    expect((await getMe(ana.browser.client)).email).toBe(ben.email);
    expect((await failure(getMe(holding(anasToken).client))).status).toBe(401);
    // Only that browser's session: Ben's own elsewhere carries on.
    expect((await getMe(ben.browser.client)).email).toBe(ben.email);

    const [ended] = await waitForSecurityEvents(logFile(), { event: 'security.session_replaced', account_id: anaId });
    expect(ended).toMatchObject({ level: 'info', route: '/api/v1/auth/login' });
    expect(ended!.request_id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('never takes a cookie value it did not issue for the session', async () => {
    const { email } = await verifiedLearner();
    const browser = await openBrowser();
    const planted = randomBytes(32).toString('hex');
    browser.cookies.set('sb_session', planted);
    await login({ email, password: learnerPassword }, browser.client);
    expect(browser.cookies.get('sb_session')).not.toBe(planted);
    expect((await getMe(browser.client)).email).toBe(email);
    expect((await failure(getMe(holding(planted).client))).status).toBe(401);
  });
});

describe('the security log', () => {
  it('names the account of a wrong password and of a wait, and no account for an unknown email', async () => {
    const { browser, email } = await verifiedLearner();
    const id = (await getMe(browser.client)).id;
    const other = await openBrowser();

    const wrong = await post(other, '/api/v1/auth/login', { email, password: 'not the password at all' });
    expect(wrong.status).toBe(401);
    const [failed] = await waitForSecurityEvents(logFile(), { event: 'security.login_failed', request_id: wrong.requestId });
    expect(failed).toEqual({
      ts: expect.any(String),
      level: 'warn',
      event: 'security.login_failed',
      account_id: id,
      route: '/api/v1/auth/login',
      request_id: wrong.requestId,
    });

    const unknown = await post(other, '/api/v1/auth/login', { email: newLearnerEmail(), password: learnerPassword });
    expect(unknown.status).toBe(401);
    const [nobody] = await waitForSecurityEvents(logFile(), { event: 'security.login_failed', request_id: unknown.requestId });
    expect(nobody!.account_id).toBeUndefined();

    await untilTooMany(() => login({ email, password: 'still not the password' }, other.client));
    await waitForSecurityEvents(logFile(), { event: 'security.login_throttled', account_id: id });
  });

  it('logs a request refused for a missing CSRF token, with its route', async () => {
    const { browser } = await verifiedLearner();
    const res = await browser.fetch('/api/v1/auth/logout', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    const requestId = res.headers.get('x-request-id')!;
    const [refused] = await waitForSecurityEvents(logFile(), { event: 'security.csrf_refused', request_id: requestId });
    expect(refused).toMatchObject({ level: 'warn', route: '/api/v1/auth/logout' });
    expect(refused!.account_id).toBeUndefined();
  });

  it('names the account whose sessions, password or email changed', async () => {
    const { browser, email } = await verifiedLearner();
    const id = (await getMe(browser.client)).id;

    const laptop = await openBrowser();
    await login({ email, password: learnerPassword }, laptop.client);
    await endOtherSessions(browser.client);
    const tablet = await openBrowser();
    await login({ email, password: learnerPassword }, tablet.client);
    const tabletId = (await listSessions(browser.client)).sessions.find((s) => !s.current)!.id;
    await endSession(tabletId, browser.client);
    const revoked = await waitForSecurityEvents(logFile(), { event: 'security.sessions_revoked', account_id: id }, 2);
    expect(revoked.map((e) => e.route)).toEqual(['/api/v1/me/sessions', '/api/v1/me/sessions/{id}']);

    const changed = 'a new password by the sea';
    await changePassword({ current_password: learnerPassword, new_password: changed }, browser.client);
    await waitForSecurityEvents(logFile(), { event: 'security.password_changed', account_id: id, route: '/api/v1/auth/password/change' });

    const stranger = await openBrowser();
    await forgotPassword(email, stranger.client);
    const reset = await waitForMail({ to: email, subject: /new password/i });
    const newest = 'the tide comes in slowly';
    await resetPassword({ token: tokenFrom(reset.links, '/reset-password'), password: newest }, stranger.client);
    await waitForSecurityEvents(logFile(), { event: 'security.password_reset', account_id: id, route: '/api/v1/auth/password/reset' });

    await login({ email, password: newest }, browser.client);
    const next = newLearnerEmail();
    await changeEmail({ password: newest, new_email: next }, browser.client);
    const confirm = await waitForMail({ to: next, subject: /confirm your new email/i });
    await confirmEmailChange(tokenFrom(confirm.links, '/confirm-email'), stranger.client);
    await waitForSecurityEvents(logFile(), { event: 'security.email_changed', account_id: id, route: '/api/v1/auth/email/confirm' });

    // The account is named by its id only, never by either address.
    const mine = securityEvents(logFile()).filter((e) => e.account_id === id);
    expect(JSON.stringify(mine)).not.toContain(email);
    expect(JSON.stringify(mine)).not.toContain(next);
  });

  it('logs two-factor switched on, a wrong code, a recovery code used and a wait', async () => {
    const { browser, email } = await verifiedLearner();
    const id = (await getMe(browser.client)).id;
    const enrolment = await startTwoFactorEnrolment(learnerPassword, browser.client);
    const key = base32Decode(enrolment.secret);
    await confirmTwoFactorEnrolment(hotp(key, timeStep()), browser.client);
    await waitForSecurityEvents(logFile(), { event: 'security.mfa_enabled', account_id: id, route: '/api/v1/auth/mfa/confirm' });

    const phone = await openBrowser();
    expect((await login({ email, password: learnerPassword }, phone.client)).mfa_required).toBe(true);
    // A code from none of the steps the server accepts (one either side of now).
    const near = new Set([-1, 0, 1, 2].map((d) => hotp(key, timeStep() + d)));
    const wrong = ['000000', '111111', '222222', '333333', '444444'].find((c) => !near.has(c))!;
    const refused = await failure(submitTwoFactorCode(wrong, phone.client));
    expect(refused.status).toBe(400);
    await waitForSecurityEvents(logFile(), { event: 'security.mfa_code_wrong', account_id: id, route: '/api/v1/auth/mfa' });

    await submitTwoFactorCode(enrolment.recovery_codes[0]!, phone.client);
    await waitForSecurityEvents(logFile(), { event: 'security.recovery_code_used', account_id: id, route: '/api/v1/auth/mfa' });

    const laptop = await openBrowser();
    await login({ email, password: learnerPassword }, laptop.client);
    await untilTooMany(() => submitTwoFactorCode(wrong, laptop.client));
    await waitForSecurityEvents(logFile(), { event: 'security.mfa_throttled', account_id: id });
    // The confirming six-digit code was not taken for a recovery code.
    expect(securityEvents(logFile()).filter((e) => e.event === 'security.recovery_code_used' && e.account_id === id)).toHaveLength(1);

    // A wrong password asks for nothing new and logs no renewal; the right one does.
    expect((await failure(renewRecoveryCodes('not my password at all', browser.client))).status).toBe(400);
    expect(securityEvents(logFile()).filter((e) => e.event === 'security.recovery_codes_renewed' && e.account_id === id)).toHaveLength(0);
    await renewRecoveryCodes(learnerPassword, browser.client);
    await waitForSecurityEvents(logFile(), { event: 'security.recovery_codes_renewed', account_id: id, route: '/api/v1/auth/mfa/recovery-codes' });
  });

  it('names the account when a wrong code is given to delete it', async () => {
    const { browser } = await verifiedLearner();
    const id = (await getMe(browser.client)).id;
    const enrolment = await startTwoFactorEnrolment(learnerPassword, browser.client);
    const key = base32Decode(enrolment.secret);
    await confirmTwoFactorEnrolment(hotp(key, timeStep()), browser.client);
    const near = new Set([-1, 0, 1, 2].map((d) => hotp(key, timeStep() + d)));
    const wrong = ['000000', '111111', '222222', '333333', '444444'].find((c) => !near.has(c))!;
    const refused = await failure(deleteAccount({ password: learnerPassword, code: wrong }, browser.client));
    expect(refused.status).toBe(400);
    await waitForSecurityEvents(logFile(), { event: 'security.mfa_code_wrong', account_id: id, route: '/api/v1/me' });
    expect(securityEvents(logFile()).filter((e) => e.event === 'security.password_again_wrong' && e.account_id === id)).toHaveLength(0);
  });

  it('logs an account deleted by its owner', async () => {
    const { browser } = await verifiedLearner();
    const id = (await getMe(browser.client)).id;
    await deleteAccount({ password: learnerPassword }, browser.client);
    await waitForSecurityEvents(logFile(), { event: 'security.account_deleted', account_id: id, route: '/api/v1/me' });
  });

  it('names the account when a wrong password is given where it is asked again', async () => {
    const { browser } = await verifiedLearner();
    const id = (await getMe(browser.client)).id;
    const wrong = 'not my password at all';
    const asks: Array<[string, () => Promise<unknown>]> = [
      ['/api/v1/auth/password/change', () => changePassword({ current_password: wrong, new_password: 'a brand new long password' }, browser.client)],
      ['/api/v1/auth/email/change', () => changeEmail({ password: wrong, new_email: newLearnerEmail() }, browser.client)],
      ['/api/v1/auth/mfa/enroll', () => startTwoFactorEnrolment(wrong, browser.client)],
      ['/api/v1/me', () => deleteAccount({ password: wrong }, browser.client)],
    ];
    for (const [route, ask] of asks) {
      expect((await failure(ask())).status).toBe(400);
      await waitForSecurityEvents(logFile(), { event: 'security.password_again_wrong', account_id: id, route });
    }
    // The right password with other bad input is not an event: only the four above.
    expect((await failure(changePassword({ current_password: learnerPassword, new_password: 'short' }, browser.client))).status).toBe(400);
    const marker = await post(browser, '/api/v1/auth/login', { email: newLearnerEmail(), password: learnerPassword });
    await waitForSecurityEvents(logFile(), { request_id: marker.requestId });
    expect(securityEvents(logFile()).filter((e) => e.event === 'security.password_again_wrong' && e.account_id === id)).toHaveLength(4);
  });

  it('writes none for a refusal that is only bad input', async () => {
    const browser = await openBrowser();
    const before = securityEvents(logFile()).length;
    const bad = await post(browser, '/api/v1/auth/login', { email: 'x', password: 5 });
    expect(bad.status).toBe(400);
    // A later event shows the log has caught up: it is the next one after those before.
    const marker = await post(browser, '/api/v1/auth/login', { email: newLearnerEmail(), password: learnerPassword });
    await waitForSecurityEvents(logFile(), { request_id: marker.requestId });
    expect(securityEvents(logFile()).findIndex((e) => e.request_id === marker.requestId)).toBe(before);
  });
});
