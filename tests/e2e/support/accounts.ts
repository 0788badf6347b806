// Accounts for browser tests: fresh addresses, the API calls that make a confirmed learner
// quickly (with the CSRF double submit a browser would do), and logging in through the page.
import { readFileSync } from 'node:fs';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { mailDir as sharedMailDir, waitForLink } from './mail';

/** An address no earlier run has used. */
export function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
}

/** The practitioner made at first-run setup: the same details tests/e2e/setup.spec.ts uses. */
export const practitioner = {
  email: 'practitioner@example.org',
  name: 'Sam Taylor',
  password: 'quiet harbour lantern',
};

/** The csrf cookie's value, asking the API once if the context has none yet. */
async function csrfToken(request: APIRequestContext): Promise<string> {
  const find = async () => (await request.storageState()).cookies.find((cookie) => cookie.name === 'csrf');
  let cookie = await find();
  if (!cookie) {
    await request.get('/api/v1/me');
    cookie = await find();
  }
  if (!cookie) throw new Error('the server set no csrf cookie');
  return decodeURIComponent(cookie.value);
}

/** POST JSON as the app does: with X-CSRF-Token echoing the csrf cookie (and any `headers`). */
export async function apiPost(request: APIRequestContext, path: string, data?: unknown, headers: Record<string, string> = {}) {
  const token = await csrfToken(request);
  return request.post(path, { data: data ?? {}, headers: { ...headers, 'X-CSRF-Token': token } });
}

/** PUT JSON as the app does (X-CSRF-Token echoing the csrf cookie). */
export async function apiPut(request: APIRequestContext, path: string, data: unknown) {
  const token = await csrfToken(request);
  return request.put(path, { data, headers: { 'X-CSRF-Token': token } });
}

export interface Learner {
  email: string;
  password: string;
  name: string;
}

/**
 * A learner who has signed up and opened the link in the confirmation mail (read from `mailDir`:
 * the shared server's unless a spec with a server of its own passes that one's).
 */
export async function confirmedLearner(request: APIRequestContext, tag: string, mailDir?: string): Promise<Learner> {
  const learner = { email: uniqueEmail(tag), password: 'a calm and steady harbour', name: 'Robin' };
  const signup = await apiPost(request, '/api/v1/auth/signup', {
    email: learner.email,
    password: learner.password,
    display_name: learner.name,
    time_zone: 'Europe/London',
    country: 'GB',
  });
  expect(signup.status(), await signup.text()).toBe(202);
  const link = await waitForLink(learner.email, '/verify', 20_000, mailDir ?? sharedMailDir);
  const verified = await apiPost(request, '/api/v1/auth/verify', { token: link.searchParams.get('token') });
  expect(verified.status(), await verified.text()).toBe(200);
  return learner;
}

/** Fills in and sends /login (the page must be open on it). */
export async function fillInLogin(page: Page, email: string, password: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Log in' }).click();
}

/** The one-time setup token from the latest "setup_needed" line of the server's log (JSON lines). */
export function setupTokenFromLog(file: string): string | undefined {
  let token: string | undefined;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.includes('setup_needed')) continue;
    try {
      const entry = JSON.parse(line) as { event?: unknown; setup_token?: unknown };
      if (entry.event === 'setup_needed' && typeof entry.setup_token === 'string') token = entry.setup_token;
    } catch {
      // Not a JSON line: ignore it.
    }
  }
  return token;
}
