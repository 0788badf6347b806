// The practitioner of a server of its own (support/server.ts): claims the site at first-run setup
// with the token the server logged, logs in and enrols two-factor, so her client can call every
// console route. Test files that need her own server use this rather than the shared one's.
import { readFileSync } from 'node:fs';
import { confirmTwoFactorEnrolment, login, startTwoFactorEnrolment } from '../../../web/src/api/auth';
import type { ApiClient } from '../../../web/src/api/client';
import { totp } from '../../e2e/support/totp';
import { openBrowser, type Browser } from './browser';
import type { RunningServer } from './server';

export interface PractitionerDetails {
  email: string;
  password: string;
  display_name: string;
  time_zone: string;
  country: string;
}

export interface Practitioner {
  client: ApiClient;
  /** Her browser, cookies and all (client is its client). */
  browser: Browser;
  details: PractitionerDetails;
  /** Her two-factor secret, for a code later (totp(secret)). */
  secret: string;
}

export function practitionerDetails(overrides: Partial<PractitionerDetails> = {}): PractitionerDetails {
  return {
    email: `therapist-${Date.now()}@example.org`,
    password: 'a calm and long password',
    display_name: 'Dr Quinn',
    time_zone: 'Europe/London',
    country: 'GB',
    ...overrides,
  };
}

/** The setup token from a server's log (the one secret it logs, for the operator). */
export function setupTokenFromLog(logFile: string): string {
  const line = readFileSync(logFile, 'utf8')
    .split('\n')
    .find((l) => l.includes('"event":"setup_needed"'));
  if (!line) throw new Error('the server logged no setup token');
  return (JSON.parse(line) as { setup_token: string }).setup_token;
}

export async function setUpPractitioner(
  server: RunningServer,
  details: PractitionerDetails = practitionerDetails(),
): Promise<Practitioner> {
  const browser = await openBrowser(server.baseUrl);
  await browser.client.post('/api/v1/setup', { ...details, token: setupTokenFromLog(server.logFile) });
  await login({ email: details.email, password: details.password }, browser.client);
  const enrolment = await startTwoFactorEnrolment(details.password, browser.client);
  await confirmTwoFactorEnrolment(totp(enrolment.secret), browser.client);
  return { client: browser.client, browser, details, secret: enrolment.secret };
}
