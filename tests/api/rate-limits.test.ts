// Rate limits through the real binary (domain/limits/rate_limits.h, defaults per hour): past its
// limit, signing up (and every other mail asking to confirm an address), asking for reset mails
// and downloading the journal answer 429 with
// Retry-After and a kind message, per email address (whichever network address asks), per
// network address (whichever email) and per account; the handler never runs for a refused
// request, so no mail goes out. Booking's limit is the same mechanism, shown in the domain's
// tests. On the shared server: every browser here has a network address of its own.
import { describe, expect, it } from 'vitest';
import { changeEmail, forgotPassword, resendVerification, signup } from '../../web/src/api/auth';
import { exportUrl } from '../../web/src/api/journal';
import { newBrowser, openBrowser } from './support/browser';
import { failure } from './support/failure';
import { learnerPassword, newLearnerEmail, verifiedLearner } from './support/learner';

const form = (email: string) => ({
  email,
  password: 'lanterns over the quiet harbour',
  display_name: 'Rosa',
  time_zone: 'Europe/Madrid',
  country: 'ES',
});

async function expectLimited(call: Promise<unknown>): Promise<void> {
  const refused = await failure(call);
  expect(refused.status).toBe(429);
  expect(refused.problem.type).toBe('urn:securebase:problem:too-many-requests');
  expect(refused.problem.detail).toMatch(/wait a little and try again/);
  expect(refused.retryAfter).toBeGreaterThanOrEqual(1);
  expect(refused.retryAfter).toBeLessThanOrEqual(3600);
}

describe('signing up', () => {
  it('allows five tries an hour for one email address, from anywhere', async () => {
    const email = newLearnerEmail();
    for (let i = 0; i < 5; i += 1) {
      expect(await signup(form(email), (await openBrowser()).client)).toEqual({ status: 'check-email' });
    }
    await expectLimited(signup(form(email), (await openBrowser()).client));
    // Another address is not held up by it.
    expect(await signup(form(newLearnerEmail()), (await openBrowser()).client)).toEqual({ status: 'check-email' });
  });

  it('allows twenty an hour from one network address, whatever the emails', async () => {
    const browser = await openBrowser();
    for (let i = 0; i < 20; i += 1) await signup(form(newLearnerEmail()), browser.client);
    await expectLimited(signup(form(newLearnerEmail()), browser.client));
  });
});

describe('mail asking to confirm an address', () => {
  it('sending the link again counts with signing up: five an hour for one email address', async () => {
    const email = newLearnerEmail();
    await signup(form(email), (await openBrowser()).client);
    for (let i = 0; i < 4; i += 1) {
      expect(await resendVerification(email, (await openBrowser()).client)).toEqual({ status: 'check-email' });
    }
    await expectLimited(resendVerification(email, (await openBrowser()).client));
    await expectLimited(signup(form(email), (await openBrowser()).client));
  });

  it('changing the email: five confirmation mails an hour for one account', async () => {
    const learner = await verifiedLearner();
    // Signing up was the account's first (counted by its email, not its id).
    for (let i = 0; i < 5; i += 1) {
      await changeEmail({ password: learnerPassword, new_email: newLearnerEmail() }, learner.browser.client);
    }
    await expectLimited(changeEmail({ password: learnerPassword, new_email: newLearnerEmail() }, learner.browser.client));
  });
});

describe('forgotten passwords', () => {
  it('sends at most five reset mails an hour for one address', async () => {
    const { email } = await verifiedLearner();
    for (let i = 0; i < 5; i += 1) await forgotPassword(email, (await openBrowser()).client);
    await expectLimited(forgotPassword(email, (await openBrowser()).client));
  });
});

describe('downloading the journal', () => {
  it('allows ten an hour for one account', async () => {
    const learner = await verifiedLearner();
    for (let i = 0; i < 10; i += 1) {
      const answer = await learner.browser.fetch(exportUrl('json'));
      expect(answer.status).toBe(200);
    }
    const refused = await learner.browser.fetch(exportUrl('json'));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Signed out, nothing is counted: the access guard refuses first.
    expect((await newBrowser().fetch(exportUrl('json'))).status).toBe(401);
  });
});
