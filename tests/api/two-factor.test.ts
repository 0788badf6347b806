// Two-factor sign-in's recovery codes and mail, through the real binary and the real SMTP sink:
// codes are six groups of four characters with no look-alikes (about 119 bits each) and work
// typed loosely; a learner who turns two-factor on is told by mail; a recovery code used is told
// with the count left; POST /api/v1/auth/mfa/recovery-codes asks for the password again, gives ten
// new codes (every old one stops working, the owner is told) and is limited like the other routes
// that mail the account on request. No mail carries a code or the secret. On the shared server,
// with learners (two-factor is theirs to choose).
import { describe, expect, it } from 'vitest';
import {
  confirmTwoFactorEnrolment,
  login,
  renewRecoveryCodes,
  startTwoFactorEnrolment,
  submitTwoFactorCode,
} from '../../web/src/api/auth';
import { getMe } from '../../web/src/api/me';
import { totp } from '../e2e/support/totp';
import { openBrowser } from './support/browser';
import { failure } from './support/failure';
import { learnerPassword, verifiedLearner, type Learner } from './support/learner';
import { waitForMail, type ReceivedMail } from './support/mail-sink';

/** Six groups of four from the 31 letters and digits without 0, 1, i, l or o. */
const codeForm = /^[2-9a-hjkmnp-z]{4}(-[2-9a-hjkmnp-z]{4}){5}$/;

interface Enrolled extends Learner {
  secret: string;
  codes: string[];
}

/** A verified learner who has turned two-factor sign-in on (its mail read). */
async function enrolledLearner(): Promise<Enrolled> {
  const learner = await verifiedLearner();
  const enrolment = await startTwoFactorEnrolment(learnerPassword, learner.browser.client);
  await confirmTwoFactorEnrolment(totp(enrolment.secret), learner.browser.client);
  return { ...learner, secret: enrolment.secret, codes: enrolment.recovery_codes };
}

/** A new browser that has logged in with the password and now owes its code. */
async function owingCode(email: string) {
  const browser = await openBrowser();
  expect(await login({ email, password: learnerPassword }, browser.client)).toMatchObject({ mfa_required: true });
  return browser;
}

function expectNoSecrets(mail: ReceivedMail, secrets: string[]) {
  for (const secret of secrets) {
    expect(mail.text).not.toContain(secret);
    expect(mail.text.toLowerCase()).not.toContain(secret.replaceAll('-', '').toLowerCase());
  }
}

describe('recovery codes', () => {
  it('are ten strong codes in groups of four, that work typed loosely, and turning on is mailed', async () => {
    const ana = await enrolledLearner();
    expect(ana.codes).toHaveLength(10);
    expect(new Set(ana.codes).size).toBe(10);
    for (const code of ana.codes) expect(code).toMatch(codeForm);

    const on = await waitForMail({ to: ana.email, subject: 'Two-factor sign-in is now on' });
    expect(on.text).toContain('If this was not you');
    expectNoSecrets(on, [...ana.codes, ana.secret]);

    // Upper case, spaces instead of dashes, stray space around: still the code.
    const browser = await owingCode(ana.email);
    const typed = ` ${ana.codes[4]!.toUpperCase().replaceAll('-', ' ')} `;
    expect((await submitTwoFactorCode(typed, browser.client)).two_factor.passed).toBe(true);
    expect((await getMe(browser.client)).two_factor.recovery_codes_left).toBe(9);

    const used = await waitForMail({ to: ana.email, subject: 'A recovery code was used to log in' });
    expect(used.text).toContain('You have 9 recovery codes left.');
    expect(used.text).toContain('If it was not you');
    expect(used.links.map((l) => new URL(l).pathname)).toEqual(['/account/two-factor', '/forgot-password']);
    expectNoSecrets(used, [...ana.codes, ana.secret]);
  });
});

describe('POST /api/v1/auth/mfa/recovery-codes', () => {
  it('asks for the password again, then gives ten new codes; every old code stops working', async () => {
    const ben = await enrolledLearner();
    const client = ben.browser.client;

    const missing = await failure(renewRecoveryCodes('', client));
    expect(missing.status).toBe(400);
    expect(missing.problem.type).toBe('urn:securebase:problem:invalid-argument');
    expect(missing.errors.map((e) => e.field)).toEqual(['current_password']);
    const wrong = await failure(renewRecoveryCodes('not my password at all', client));
    expect(wrong.status).toBe(400);
    expect(wrong.errors.map((e) => e.field)).toEqual(['current_password']);

    // A code from the old set still works until the renewal.
    const before = await owingCode(ben.email);
    expect((await submitTwoFactorCode(ben.codes[0]!, before.client)).two_factor.passed).toBe(true);

    const renewed = await renewRecoveryCodes(learnerPassword, client);
    expect(renewed.recovery_codes).toHaveLength(10);
    for (const code of renewed.recovery_codes) {
      expect(code).toMatch(codeForm);
      expect(ben.codes).not.toContain(code);
    }
    expect((await getMe(client)).two_factor.recovery_codes_left).toBe(10);

    const told = await waitForMail({ to: ben.email, subject: 'You have new recovery codes' });
    expect(told.text).toContain('The codes you had before no longer work.');
    expectNoSecrets(told, [...ben.codes, ...renewed.recovery_codes, ben.secret]);

    const after = await owingCode(ben.email);
    for (const old of ben.codes.slice(1, 4)) {
      const refused = await failure(submitTwoFactorCode(old, after.client));
      expect(refused.problem.type).toBe('urn:securebase:problem:invalid-code');
    }
    expect((await submitTwoFactorCode(renewed.recovery_codes[9]!, after.client)).two_factor.passed).toBe(true);
  });

  it('needs two-factor sign-in on, and a session that has given its code', async () => {
    const cy = await verifiedLearner();
    const none = await failure(renewRecoveryCodes(learnerPassword, cy.browser.client));
    expect(none.status).toBe(409);
    expect(none.problem.type).toBe('urn:securebase:problem:no-enrollment');

    const dee = await enrolledLearner();
    const owing = await owingCode(dee.email);
    const refused = await failure(renewRecoveryCodes(learnerPassword, owing.client));
    expect(refused.status).toBe(401);
    expect(refused.problem.type).toBe('urn:securebase:problem:two-factor-required');

    const anonymous = await openBrowser();
    expect((await failure(renewRecoveryCodes(learnerPassword, anonymous.client))).status).toBe(401);
  });

  it('allows five renewals an hour for one account (each one mails its owner)', async () => {
    const eve = await enrolledLearner();
    for (let i = 0; i < 5; i += 1) await renewRecoveryCodes(learnerPassword, eve.browser.client);
    const limited = await failure(renewRecoveryCodes(learnerPassword, eve.browser.client));
    expect(limited.status).toBe(429);
    expect(limited.problem.type).toBe('urn:securebase:problem:too-many-requests');
    expect(limited.retryAfter).toBeGreaterThanOrEqual(1);
  });
});
