// Learner accounts end to end through the real binary and a real SMTP sink: sign up, follow the
// link in the mail, log in and out, forgotten and changed passwords, a new email, the profile;
// and the answers that must not reveal whether an address is registered.
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import {
  changeEmail,
  changePassword,
  confirmEmailChange,
  forgotPassword,
  login,
  logout,
  resendVerification,
  resetPassword,
  signup,
  verifyEmail,
} from '../../web/src/api/auth';
import { getMe, updateMe } from '../../web/src/api/me';
import { openBrowser, type Browser } from './support/browser';
import { failure } from './support/failure';
import {
  learnerPassword,
  newLearnerEmail,
  signUpLearner,
  tokenFrom as mailedToken,
  verifiedLearner as signedInLearner,
  type Learner,
} from './support/learner';
import { waitForMail } from './support/mail-sink';

const password = learnerPassword;

const used: string[] = [];

function newEmail(): string {
  const email = newLearnerEmail();
  used.push(email);
  return email;
}

function tokenFrom(links: string[], path: string): string {
  const token = mailedToken(links, path);
  used.push(token);
  return token;
}

const signUp = signUpLearner;

/** A verified learner, signed in on `browser`. */
function verifiedLearner(): Promise<Learner> {
  return signedInLearner({ onSecret: (s) => used.push(s) });
}

describe('sign-up and email verification', () => {
  it('signs up, follows the mailed link once, logs in and out', async () => {
    const browser = await openBrowser();
    const email = newEmail();
    expect(await signUp(browser, email)).toEqual({ status: 'check-email' });

    const mail = await waitForMail({ to: email, subject: /confirm your email/i });
    expect(mail.text).toContain('Rosa');
    const token = tokenFrom(mail.links, '/verify');
    expect(token).toMatch(/^[0-9a-f]{64}$/);

    expect(await verifyEmail(token, browser.client)).toEqual({ verified: true });
    const reused = await failure(verifyEmail(token, browser.client));
    expect(reused.status).toBe(400);
    expect(reused.problem.type).toBe('urn:securebase:problem:invalid-token');

    const res = await browser.fetch('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': browser.cookies.get('csrf')! },
      body: JSON.stringify({ email: email.toUpperCase(), password }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sb_session='))!;
    expect(cookie).toMatch(/^sb_session=[0-9a-f]{64}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/);
    const me = (await res.json()) as Record<string, unknown>;
    expect(me).toMatchObject({
      email,
      display_name: 'Rosa',
      role: 'learner',
      time_zone: 'Europe/Madrid',
      country: 'ES',
      email_verified: true,
      mfa_required: false,
      mfa_enrollment_required: false,
      two_factor: { enrolled: false, required: false, passed: false },
    });

    expect((await getMe(browser.client)).email).toBe(email);
    await logout(browser.client);
    expect(browser.cookies.has('sb_session')).toBe(false);
    expect((await failure(getMe(browser.client))).status).toBe(401);
  });

  it('answers a sign-up with a registered email exactly as a new one, and tells the owner', async () => {
    const { email } = await verifiedLearner();
    const stranger = await openBrowser();
    expect(await signUp(stranger, email)).toEqual({ status: 'check-email' });
    const notice = await waitForMail({ to: email, subject: /tried to sign up/i });
    expect(notice.links.some((l) => new URL(l).pathname === '/forgot-password')).toBe(true);
    // The stranger's password did not replace the owner's.
    const wrong = await failure(login({ email, password: 'a different long password' }, stranger.client));
    expect(wrong.status).toBe(401);
  });

  it('refuses log-in before the email is confirmed, and sends a fresh link', async () => {
    const browser = await openBrowser();
    const email = newEmail();
    await signUp(browser, email);
    await waitForMail({ to: email, subject: /confirm your email/i });
    const error = await failure(login({ email, password }, browser.client));
    expect(error.status).toBe(403);
    expect(error.problem.type).toBe('urn:securebase:problem:email-not-verified');
    const fresh = await waitForMail({ to: email, subject: /confirm your email/i });
    await verifyEmail(tokenFrom(fresh.links, '/verify'), browser.client);
    expect((await login({ email, password }, browser.client)).email).toBe(email);
  });

  it('sends another link on request, and answers the same for unknown addresses', async () => {
    const browser = await openBrowser();
    const email = newEmail();
    await signUp(browser, email);
    await waitForMail({ to: email });
    expect(await resendVerification(email, browser.client)).toEqual({ status: 'check-email' });
    expect(await resendVerification(newEmail(), browser.client)).toEqual({ status: 'check-email' });
    const again = await waitForMail({ to: email, subject: /confirm your email/i });
    await verifyEmail(tokenFrom(again.links, '/verify'), browser.client);
  });

  it('lists every bad sign-up field at once', async () => {
    const browser = await openBrowser();
    const error = await failure(
      signup(
        {
          email: `${'a'.repeat(250)}@example.org`,
          password: 'short',
          display_name: ' ',
          time_zone: 'Mars/Olympus_Mons',
          country: 'XX',
        },
        browser.client,
      ),
    );
    expect(error.status).toBe(400);
    expect(error.problem.errors?.map((e) => e.field)).toEqual(['email', 'password', 'display_name', 'time_zone', 'country']);
  });

  it('refuses a very common password and accepts long passwords in any script', async () => {
    const browser = await openBrowser();
    const common = await failure(
      signup({ email: newEmail(), password: 'password123', display_name: 'A', time_zone: 'UTC', country: 'GB' }, browser.client),
    );
    expect(common.problem.errors?.[0]?.field).toBe('password');
    for (const pw of ['Ζωή και θάλασσα', 'спокойное утро', '静かな朝の海辺で', 'x'.repeat(256)]) {
      expect(
        await signup({ email: newEmail(), password: pw, display_name: 'Ω', time_zone: 'Asia/Tokyo', country: 'DE' }, browser.client),
      ).toEqual({ status: 'check-email' });
    }
    const tooLong = await failure(
      signup({ email: newEmail(), password: 'x'.repeat(257), display_name: 'A', time_zone: 'UTC', country: 'GB' }, browser.client),
    );
    expect(tooLong.problem.errors?.[0]?.field).toBe('password');
  });

  it('measures names and passwords in characters, not bytes, at both limits', async () => {
    const browser = await openBrowser();
    const form = { email: newEmail(), password, display_name: 'A', time_zone: 'UTC', country: 'GB' };
    // Seven characters are too few even when they take many bytes; eight are enough.
    const seven = await failure(signup({ ...form, password: 'ñandúes' }, browser.client));
    expect(seven.problem.errors?.[0]?.field).toBe('password');
    expect(await signup({ ...form, password: 'ñandúesü' }, browser.client)).toEqual({ status: 'check-email' });
    // Names: 80 characters are fine, 81 are not, whatever the script.
    expect(await signup({ ...form, email: newEmail(), display_name: 'é'.repeat(80) }, browser.client)).toEqual({
      status: 'check-email',
    });
    const long = await failure(signup({ ...form, email: newEmail(), display_name: 'é'.repeat(81) }, browser.client));
    expect(long.problem.errors?.map((e) => e.field)).toEqual(['display_name']);
    for (const email of ['a@b', 'two@@example.org', 'space in@example.org', `${'x'.repeat(65)}@example.org`]) {
      const bad = await failure(signup({ ...form, email }, browser.client));
      expect(bad.problem.errors?.map((e) => e.field), email).toEqual(['email']);
    }
  });

  it('refuses wrong and malformed verification tokens', async () => {
    const browser = await openBrowser();
    for (const token of ['', 'abc', 'f'.repeat(64), '../../etc/passwd']) {
      const error = await failure(verifyEmail(token, browser.client));
      expect(error.status).toBe(400);
      expect(error.problem.type).toBe('urn:securebase:problem:invalid-token');
    }
  });
});

describe('log-in', () => {
  it('gives the same answer for an unknown email and a wrong password', async () => {
    const { email } = await verifiedLearner();
    const browser = await openBrowser();
    const unknown = await failure(login({ email: newEmail(), password }, browser.client));
    const wrong = await failure(login({ email, password: 'not the right password' }, browser.client));
    expect(unknown.status).toBe(401);
    expect(wrong.problem).toEqual(unknown.problem);
  });

  it('slows down repeated failures for an account with Retry-After, then lets the right password in', async () => {
    const { email } = await verifiedLearner();
    const attacker = await openBrowser();
    for (let i = 0; i < 5; i++) {
      expect((await failure(login({ email, password: `guess number ${i} wrong` }, attacker.client))).status).toBe(401);
    }
    await failure(login({ email, password: 'guess number 6 wrong' }, attacker.client));
    const slowed = await failure(login({ email, password }, attacker.client));
    expect(slowed.status).toBe(429);
    expect(slowed.problem.type).toBe('urn:securebase:problem:too-many-requests');
    expect(slowed.retryAfter).toBeGreaterThanOrEqual(1);
    // The owner on another network is slowed too (it is the account that is guarded), but only
    // for seconds: waiting out Retry-After lets the right password in.
    await new Promise((r) => setTimeout(r, (slowed.retryAfter ?? 2) * 1000 + 100));
    const owner = await openBrowser();
    expect((await login({ email, password }, owner.client)).email).toBe(email);
  });

  it('slows down one address that tries many accounts', async () => {
    const attacker = await openBrowser();
    let slowed = undefined as undefined | Awaited<ReturnType<typeof failure>>;
    for (let i = 0; i < 25 && !slowed; i++) {
      const error = await failure(login({ email: newEmail(), password: 'spray the same password' }, attacker.client));
      if (error.status === 429) slowed = error;
      else expect(error.status).toBe(401);
    }
    expect(slowed?.retryAfter).toBeGreaterThanOrEqual(1);
  });

  it('refuses malformed input with clear messages', async () => {
    const browser = await openBrowser();
    const res = await browser.fetch('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': browser.cookies.get('csrf')! },
      body: JSON.stringify({ email: ['a'], password: 5 }),
    });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((e) => e.field)).toEqual(['email', 'password']);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request without the echoed token, or from another site', async () => {
    const browser = await openBrowser();
    const body = JSON.stringify({ email: newEmail() });
    const noToken = await browser.fetch('/api/v1/auth/password/forgot', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    expect(noToken.status).toBe(403);
    expect(((await noToken.json()) as { type: string }).type).toBe('urn:securebase:problem:csrf-failed');

    const csrf = browser.cookies.get('csrf')!;
    const crossSite = await browser.fetch('/api/v1/auth/password/forgot', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, Origin: 'https://evil.example' },
      body,
    });
    expect(crossSite.status).toBe(403);

    const fetchMetadata = await browser.fetch('/api/v1/auth/password/forgot', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, 'Sec-Fetch-Site': 'cross-site' },
      body,
    });
    expect(fetchMetadata.status).toBe(403);

    const wrongToken = await browser.fetch('/api/v1/auth/password/forgot', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 'a'.repeat(64) },
      body,
    });
    expect(wrongToken.status).toBe(403);

    const ownOrigin = new URL(inject('baseUrl')).origin;
    const sameSite = await browser.fetch('/api/v1/auth/password/forgot', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': browser.cookies.get('csrf')!, Origin: ownOrigin },
      body,
    });
    expect(sameSite.status).toBe(202);
  });
});

describe('passwords', () => {
  it('resets a forgotten password by the mailed link: once, ending every session', async () => {
    const { browser: oldDevice, email } = await verifiedLearner();
    const browser = await openBrowser();
    expect(await forgotPassword(email, browser.client)).toEqual({ status: 'check-email' });
    const mail = await waitForMail({ to: email, subject: /new password/i });
    const token = tokenFrom(mail.links, '/reset-password');

    const weak = await failure(resetPassword({ token, password: 'short' }, browser.client));
    expect(weak.problem.errors?.[0]?.field).toBe('password');
    const newPassword = 'a brand new evening walk';
    await resetPassword({ token, password: newPassword }, browser.client);
    const reused = await failure(resetPassword({ token, password: 'yet another long one' }, browser.client));
    expect(reused.problem.type).toBe('urn:securebase:problem:invalid-token');

    expect((await failure(getMe(oldDevice.client))).status).toBe(401);
    expect((await failure(login({ email, password }, browser.client))).status).toBe(401);
    expect((await login({ email, password: newPassword }, browser.client)).email).toBe(email);
    await waitForMail({ to: email, subject: /password was changed/i });
  });

  it('answers a reset request for an unknown address the same way', async () => {
    const browser = await openBrowser();
    expect(await forgotPassword(newEmail(), browser.client)).toEqual({ status: 'check-email' });
  });

  it('changes the password when the current one is right, ending other sessions', async () => {
    const { browser, email } = await verifiedLearner();
    const other = await openBrowser();
    await login({ email, password }, other.client);

    const wrong = await failure(
      changePassword({ current_password: 'not my password at all', new_password: 'a fresh long password' }, browser.client),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.problem.errors?.[0]?.field).toBe('current_password');
    const weak = await failure(changePassword({ current_password: password, new_password: 'password123' }, browser.client));
    expect(weak.problem.errors?.[0]?.field).toBe('new_password');

    const before = browser.cookies.get('sb_session');
    await changePassword({ current_password: password, new_password: 'a fresh long password' }, browser.client);
    expect(browser.cookies.get('sb_session')).not.toBe(before);
    expect((await getMe(browser.client)).email).toBe(email);
    expect((await failure(getMe(other.client))).status).toBe(401);
  });
});

describe('email change and profile', () => {
  it('moves the account to a new address only after that address confirms', async () => {
    const { browser, email } = await verifiedLearner();
    const next = newEmail();
    const wrong = await failure(changeEmail({ password: 'not my password here', new_email: next }, browser.client));
    expect(wrong.problem.errors?.[0]?.field).toBe('password');
    const bad = await failure(changeEmail({ password, new_email: 'nope' }, browser.client));
    expect(bad.problem.errors?.[0]?.field).toBe('new_email');

    expect(await changeEmail({ password, new_email: next }, browser.client)).toEqual({ status: 'check-email' });
    await waitForMail({ to: email, subject: /new email was requested/i });
    const confirm = await waitForMail({ to: next, subject: /confirm your new email/i });
    expect((await getMe(browser.client)).email).toBe(email);

    expect(await confirmEmailChange(tokenFrom(confirm.links, '/confirm-email'), browser.client)).toEqual({ email: next });
    expect((await getMe(browser.client)).email).toBe(next);
    await logout(browser.client);
    expect((await login({ email: next, password }, browser.client)).email).toBe(next);
  });

  it('updates the profile and refuses unknown zones and countries', async () => {
    const { browser } = await verifiedLearner();
    const updated = await updateMe({ display_name: '  Rosa María ', time_zone: 'America/Chicago', country: 'us' }, browser.client);
    expect(updated).toMatchObject({ display_name: 'Rosa María', time_zone: 'America/Chicago', country: 'US' });
    const error = await failure(updateMe({ time_zone: 'Europe/Atlantis', country: 'ZZ', display_name: '' }, browser.client));
    expect(error.status).toBe(400);
    expect(error.problem.errors?.map((e) => e.field).sort()).toEqual(['country', 'display_name', 'time_zone']);
    expect((await getMe(browser.client)).time_zone).toBe('America/Chicago');
  });

  it('refuses profile changes without a session', async () => {
    const browser = await openBrowser();
    const error = await failure(updateMe({ display_name: 'Nobody' }, browser.client));
    expect(error.status).toBe(401);
    expect(error.problem.type).toBe('urn:securebase:problem:unauthenticated');
  });
});

describe('the server log', () => {
  it('holds none of the emails, passwords or tokens these tests used', () => {
    const log = readFileSync(inject('logFile'), 'utf8').toLowerCase();
    expect(used.length).toBeGreaterThan(20);
    for (const secret of [...used, password, 'a brand new evening walk', 'a fresh long password']) {
      expect(log).not.toContain(secret.toLowerCase());
    }
    expect(log).not.toMatch(/sb_session|set-cookie/);
  });
});
