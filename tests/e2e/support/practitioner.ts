// The practitioner of a server a spec runs for itself (tests/api/support/server.ts): first-run
// setup with the token from that server's log, then two-factor enrolment with a code computed
// here, as she would from her authenticator; and logging her in again, code and all, never with a
// code already used. `now` is the server's clock (a spec that moves the server's clock passes its own).
import { request as apiRequest, expect, type APIRequestContext, type Browser, type BrowserContext, type BrowserContextOptions } from '@playwright/test';
import type { PractitionerDetails } from '../../api/support/practitioner';
import type { RunningServer } from '../../api/support/server';
import { apiPost, setupTokenFromLog } from './accounts';
import { stepSeconds, timeStep, totp } from './totp';


export interface Practitioner {
  /** Her API session, two-factor passed. */
  request: APIRequestContext;
  /** Her authenticator's key, for later codes. */
  secret: string;
}

/** The last step each authenticator key gave a code for: the server takes no step twice. */
const lastStep = new Map<string, number>();

/**
 * A code the server will take: for now's step, or the next one when now's was used already (it
 * accepts a step either side of its own); when both were, it waits for time to move on.
 */
export async function freshCode(secret: string, now: () => number = Date.now): Promise<string> {
  const step = Math.max(timeStep(now()), (lastStep.get(secret) ?? 0) + 1);
  await expect.poll(() => timeStep(now()), { timeout: 2 * stepSeconds * 1000, intervals: [500] }).toBeGreaterThanOrEqual(step - 1);
  lastStep.set(secret, step);
  return totp(secret, step * stepSeconds * 1000);
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
  const enrolment = await apiPost(request, '/api/v1/auth/mfa/enroll', { current_password: details.password });
  const secret = ((await enrolment.json()) as { secret: string }).secret;
  const confirmed = await apiPost(request, '/api/v1/auth/mfa/confirm', { code: await freshCode(secret, now) });
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
  const code = await apiPost(request, '/api/v1/auth/mfa', { code: await freshCode(secret, now) });
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
