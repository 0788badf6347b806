// A verified learner, signed in: signs up through the API, follows the link in the real mail,
// and logs in. `onSecret` hears every email address and token used, for tests that then check
// the server's log never contains them.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { login, signup, verifyEmail } from '../../../web/src/api/auth';
import { openBrowser, type Browser } from './browser';
import { waitForMail } from './mail-sink';

export const learnerPassword = 'lanterns over the quiet harbour';

export function newLearnerEmail(): string {
  return `learner-${randomUUID().slice(0, 8)}@example.org`;
}

/** The token in the mailed link to `path` (e.g. "/verify"). */
export function tokenFrom(links: string[], path: string): string {
  const link = links.find((l) => new URL(l).pathname === path);
  expect(link, `a ${path} link in the mail`).toBeDefined();
  return new URL(link!).searchParams.get('token')!;
}

export async function signUpLearner(browser: Browser, email: string) {
  return signup(
    { email, password: learnerPassword, display_name: 'Rosa', time_zone: 'Europe/Madrid', country: 'ES' },
    browser.client,
  );
}

export interface Learner {
  browser: Browser;
  email: string;
}

export async function verifiedLearner(
  options: { baseUrl?: string; onSecret?: (secret: string) => void } = {},
): Promise<Learner> {
  const browser = await openBrowser(options.baseUrl);
  const email = newLearnerEmail();
  options.onSecret?.(email);
  await signUpLearner(browser, email);
  const mail = await waitForMail({ to: email, subject: /confirm your email/i });
  const token = tokenFrom(mail.links, '/verify');
  options.onSecret?.(token);
  await verifyEmail(token, browser.client);
  await login({ email, password: learnerPassword }, browser.client);
  return { browser, email };
}
