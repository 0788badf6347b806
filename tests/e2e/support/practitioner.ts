// The practitioner of a server a spec runs for itself (tests/api/support/server.ts): first-run
// setup with the token from that server's log, then two-factor enrolment with a code computed
// here, as she would from her authenticator; and logging her in again, code and all. `now` is the
// server's clock (a spec that moves the server's clock passes its own).
import { request as apiRequest, expect, type APIRequestContext, type Browser, type BrowserContext, type BrowserContextOptions } from '@playwright/test';
import type { RunningServer } from '../../api/support/server';
import { apiPost, setupTokenFromLog } from './accounts';
import { totp } from './totp';

export interface PractitionerDetails {
  email: string;
  password: string;
  display_name: string;
  time_zone: string;
  country: string;
}

export interface Practitioner {
  /** Her API session, two-factor passed. */
  request: APIRequestContext;
  /** Her authenticator's key, for later codes. */
  secret: string;
}

/** Claims the fresh site for her and turns two-factor on; she is left logged in. */
export async function setUpPractitioner(
  server: RunningServer,
  details: PractitionerDetails,
  now: () => number = Date.now,
): Promise<Practitioner> {
  const request = await apiRequest.newContext({ baseURL: server.baseUrl });
  const setup = await apiPost(request, '/api/v1/setup', { ...details, token: setupTokenFromLog(server.logFile) });
  expect(setup.status(), await setup.text()).toBe(201);
  const login = await apiPost(request, '/api/v1/auth/login', { email: details.email, password: details.password });
  expect(login.status(), await login.text()).toBe(200);
  const enrolment = await apiPost(request, '/api/v1/auth/mfa/enroll');
  const secret = ((await enrolment.json()) as { secret: string }).secret;
  const confirmed = await apiPost(request, '/api/v1/auth/mfa/confirm', { code: totp(secret, now()) });
  expect(confirmed.status(), await confirmed.text()).toBe(200);
  return { request, secret };
}

/** A new API session for her, logged in with her password and a fresh code. */
export async function logInPractitioner(
  server: RunningServer,
  details: Pick<PractitionerDetails, 'email' | 'password'>,
  secret: string,
  now: () => number = Date.now,
): Promise<APIRequestContext> {
  const request = await apiRequest.newContext({ baseURL: server.baseUrl });
  const login = await apiPost(request, '/api/v1/auth/login', { email: details.email, password: details.password });
  expect(login.status(), await login.text()).toBe(200);
  const code = await apiPost(request, '/api/v1/auth/mfa', { code: totp(secret, now()) });
  expect(code.status(), await code.text()).toBe(200);
  return request;
}

/** A browser context (`options`: shape, zone…) logged in as her, password and a fresh code. */
export async function practitionerContext(
  browser: Browser,
  server: RunningServer,
  details: Pick<PractitionerDetails, 'email' | 'password'>,
  secret: string,
  options: BrowserContextOptions,
  now: () => number = Date.now,
): Promise<BrowserContext> {
  const session = await logInPractitioner(server, details, secret, now);
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    serviceWorkers: 'block',
    ...options,
    storageState: await session.storageState(),
  });
  await session.dispose();
  return context;
}
