// Deleting an account from /account, on a server of its own with a clock it moves: a learner signs
// up, writes a journal entry and books a session; once the session has happened they delete their
// account (a wrong password first: nothing goes), land on the goodbye page with help now, and
// their old log-in no longer works; the practitioner's console still shows the past session, with
// a former client and no name. axe at each step; screenshots of the section and the goodbye page,
// phone width, light and dark, for looking at.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request as apiRequest, type APIRequestContext } from '@playwright/test';
import { startServer, type RunningServer } from '../api/support/server';
import { apiPost, apiPut, confirmedLearner, fillInLogin } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { setUpPractice } from './support/practice';
import { practitionerContext, setUpPractitioner } from './support/practitioner';
import { desktop, mobile } from './support/viewports';

let work: string;
let server: RunningServer;
let her: APIRequestContext;
let secret: string;
let typeId: string;
let offsetSeconds = 0;
const practitioner = { email: 'leaving-therapist@example.org', password: 'a calm and long password' };

/** Moves the server's clock `hours` ahead of real time. */
function moveClock(hours: number) {
  offsetSeconds = hours * 3600;
  writeFileSync(path.join(work, 'offset'), String(offsetSeconds));
}
const serverNow = () => Date.now() + offsetSeconds * 1000;
const shots = process.env.SB_E2E_SCREENSHOTS;

test.beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'sb-e2e-delete-'));
  moveClock(0);
  server = await startServer({
    database: 'sqlite://' + path.join(work, 'delete.db'),
    env: { SECUREBASE_MAIL_POLL_SECONDS: '1', SECUREBASE_TEST_CLOCK_FILE: path.join(work, 'offset') },
  });
  ({ request: her, secret } = await setUpPractitioner(server, { ...practitioner, display_name: 'Dr Quinn', time_zone: 'Europe/London', country: 'GB' }, serverNow));
  // Every hour of every day, an hour ahead, with one question to answer when booking.
  ({ typeId } = await setUpPractice(her, { type: { intake: [{ id: 'hopes', question: 'What would you like help with?', required: false }] } }));
});

test.afterAll(async () => {
  await her?.dispose();
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

test('a learner deletes their account; the past session stays with her, without their name', async ({ browser, openPage }) => {
  // Sign up (confirmed by the mail's link), then log in in the browser.
  const signup = await apiRequest.newContext({ baseURL: server.baseUrl });
  const learner = await confirmedLearner(signup, 'delete', path.join(server.dataDir, 'mail'));
  await signup.dispose();
  const page = await openPage({ ...mobile, colorScheme: 'light', baseURL: server.baseUrl });
  await page.goto('/login?next=%2Faccount');
  await fillInLogin(page, learner.email, learner.password);
  await expect(page).toHaveURL(/\/account$/);

  // A journal entry and a session three hours from now, booked as the app does.
  const entry = await apiPut(page.request, '/api/v1/journal/entries/6a0c5f9e-2b1d-4c3e-9f8a-7b6c5d4e3f21', {
    kind: 'reflection',
    occurred_at: new Date().toISOString(),
    tags: [],
    reflection: { text: 'I let the message wait until morning.', lesson_id: '', prompt_id: '' },
  });
  expect(entry.status(), await entry.text()).toBe(201);
  const from = new Date(Date.now() + 3 * 3600_000).toISOString();
  const to = new Date(Date.now() + 2 * 86_400_000).toISOString();
  const slots = (await (await page.request.get(`/api/v1/slots?session_type=${typeId}&from=${from}&to=${to}&tz=Europe/London`)).json()) as {
    slots: { start: string }[];
  };
  const booked = await apiPost(
    page.request,
    '/api/v1/bookings',
    {
      session_type: typeId,
      start: slots.slots[0]!.start,
      time_zone: 'Europe/London',
      client_location: { country: 'GB', region: '' },
      intake: { hopes: 'Sleeping through when my partner travels.' },
      policy_accepted: true,
    },
    { 'Idempotency-Key': 'e2e-delete-0001' },
  );
  expect(booked.status(), await booked.text()).toBe(201);
  const bookingId = ((await booked.json()) as { id: string }).id;

  // Six hours on, the session has happened.
  moveClock(6);
  await page.goto('/account');
  const section = page.getByRole('region', { name: 'Delete my account' });
  await expect(section).toContainText('This cannot be undone.');
  await expect(section).toContainText('without your name');
  await expect(section.getByRole('link', { name: 'download everything about you' })).toHaveAttribute('href', '/api/v1/me/export');
  await section.scrollIntoViewIfNeeded();
  await expectNoAxeViolations(page);
  if (shots) await section.screenshot({ path: path.join(shots, 'delete-section-mobile-light.png') });

  // A wrong password: refused, nothing goes.
  await section.getByLabel('Your password').fill('not my password at all');
  await section.getByRole('button', { name: 'Delete my account for good' }).click();
  await expect(section.getByLabel('Your password')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  await section.getByLabel('Your password').fill(learner.password);
  await section.getByRole('button', { name: 'Delete my account for good' }).click();
  await expect(page).toHaveURL(/\/goodbye$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Your account has been deleted' })).toBeVisible();
  await expect(page.getByRole('button', { name: /help now/ }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  if (shots) await page.screenshot({ path: path.join(shots, 'goodbye-mobile-light.png'), fullPage: true });
  // Signed out here: the account page asks to log in.
  await page.goto('/account');
  await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);

  // The old log-in is refused like any unknown one.
  await fillInLogin(page, learner.email, learner.password);
  await expect(page.getByText('That email and password don’t match.', { exact: false })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await expectNoAxeViolations(page);

  if (shots) {
    const dark = await openPage({ ...mobile, colorScheme: 'dark', baseURL: server.baseUrl });
    await dark.goto('/goodbye');
    await expect(dark.getByRole('heading', { level: 1, name: 'Your account has been deleted' })).toBeVisible();
    await dark.screenshot({ path: path.join(shots, 'goodbye-mobile-dark.png'), fullPage: true });
  }

  // Her console: the session is there, with a former client, no name and no intake.
  const context = await practitionerContext(browser, server, practitioner, secret, { ...desktop, colorScheme: 'dark' }, serverNow);
  const console_ = await context.newPage();
  await console_.goto('/console/sessions');
  const card = console_.locator('.console-card', { hasText: 'a former client' });
  await expect(card).toHaveCount(1);
  await expect(card).not.toContainText('Robin');
  await expect(card).not.toContainText('Sleeping through');
  const listed = (await (await console_.request.get('/api/v1/console/bookings?from=' + new Date(Date.now() - 86_400_000).toISOString())).json()) as {
    bookings: { id: string; former_client: boolean; client: unknown }[];
  };
  expect(listed.bookings.find((b) => b.id === bookingId)).toMatchObject({ former_client: true, client: null, has_intake: false });
  await expectNoAxeViolations(console_);
  await context.close();
});
