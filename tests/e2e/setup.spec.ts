// First-run setup at /setup, against the real server. Runs in order: the last test creates the
// practitioner, after which the server refuses setup for good.
//
// The success path needs the one-time token, which the server prints only in its log. Set
// SB_E2E_SERVER_LOG to the server's log file (stderr) to run it; without it, those tests are
// skipped (web/src/features/setup/setup-page.test.tsx covers them with a fake server).
import { readFileSync } from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { desktop, mobile, variants } from './support/viewports';

test.describe.configure({ mode: 'serial' });

const serverLog = process.env.SB_E2E_SERVER_LOG;
const wrongToken = '0'.repeat(32);

/** The token from the latest "setup_needed" line of the server's log (JSON lines). */
function tokenFromLog(file: string): string | undefined {
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

async function setupNeeded(request: APIRequestContext): Promise<boolean> {
  const response = await request.get('/api/v1/setup');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { needed: boolean }).needed;
}

async function fillIn(page: Page, values: { token: string; email: string; name: string; password: string }) {
  await page.getByLabel('Setup token').fill(values.token);
  await page.getByLabel('Email address').fill(values.email);
  await page.getByLabel('Your name').fill(values.name);
  await page.getByLabel('Password', { exact: true }).fill(values.password);
}

const goodDetails = { email: 'practitioner@example.org', name: 'Sam Taylor', password: 'quiet harbour lantern' };

test.beforeAll(async ({ request }) => {
  test.skip(!(await setupNeeded(request)), 'this server has already been set up');
});

for (const variant of variants) {
  test(`${variant.name}: the setup form passes axe`, async ({ openPage }) => {
    const page = await openPage(variant.options);
    await page.goto('/setup');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set up Secure Base');
    await expect(page).toHaveTitle('Set up · Secure Base');
    await expect(page.getByLabel('Setup token')).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test('/setup is not in the navigation', async ({ openPage }) => {
  const page = await openPage(desktop);
  await page.goto('/');
  await expect(page.getByRole('navigation').first()).toBeVisible();
  await expect(page.locator('nav a[href="/setup"]')).toHaveCount(0);
});

test('a wrong token is shown beside the token field, with the summary focused, and passes axe', async ({
  openPage,
}) => {
  for (const options of [
    { ...mobile, colorScheme: 'dark' as const },
    { ...desktop, colorScheme: 'light' as const },
  ]) {
    const page = await openPage(options);
    await page.goto('/setup');
    await fillIn(page, { token: wrongToken, ...goodDetails });
    await page.getByRole('button', { name: 'Create the account' }).click();

    const message =
      'That setup token does not match the one in the server log. Please copy it again, all 32 characters.';
    await expect(page.locator('#setup-token-error')).toHaveText(`Error: ${message}`);
    await expect(page.getByLabel('Setup token')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('.setup-summary')).toBeFocused();
    await expect(page.getByRole('link', { name: message })).toBeVisible();
    // What was typed is still there, to fix rather than retype.
    await expect(page.getByLabel('Email address')).toHaveValue(goodDetails.email);
    await expectNoAxeViolations(page);
  }
  expect(await setupNeeded((await openPage()).request)).toBe(true);
});

test('with the right token, every refused field is shown beside its input', async ({ openPage }) => {
  test.skip(!serverLog, 'SB_E2E_SERVER_LOG is not set: the token is only in the server log');
  const token = tokenFromLog(serverLog!);
  expect(token, `a setup_needed line in ${serverLog}`).toMatch(/^[0-9a-f]{32}$/);

  const page = await openPage(mobile);
  await page.goto('/setup');
  await fillIn(page, { token: token!, email: 'not-an-address', name: ' ', password: 'short' });
  await page.getByRole('button', { name: 'Create the account' }).click();

  await expect(page.getByRole('heading', { name: 'Please check these details' })).toBeVisible();
  await expect(page.locator('#setup-email-error')).toContainText('Please check your email address:');
  await expect(page.locator('#setup-password-error')).toHaveText(
    'Error: Your password must be at least 8 characters.',
  );
  await expect(page.locator('#setup-display-name-error')).toHaveText('Error: Your name must be 1 to 80 characters.');
  await expect(page.locator('#setup-token-error')).toHaveCount(0);
  await expect(page.locator('.setup-summary')).toBeFocused();
});

// Last: after this the server refuses setup.
test('with the right token, the practitioner account is created and setup is no longer needed', async ({
  openPage,
}) => {
  test.skip(!serverLog, 'SB_E2E_SERVER_LOG is not set: the token is only in the server log');
  const token = tokenFromLog(serverLog!);
  expect(token, `a setup_needed line in ${serverLog}`).toMatch(/^[0-9a-f]{32}$/);

  const page = await openPage(mobile);
  await page.goto('/setup');
  await fillIn(page, { token: token!, ...goodDetails });
  await page.getByRole('button', { name: 'Create the account' }).click();

  await expect(page.getByRole('heading', { name: 'Your practitioner account is ready' })).toBeFocused();
  await expect(page.getByText(/^You can log in now\./)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Log in' }).last()).toBeVisible();
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  expect(await setupNeeded(page.request)).toBe(false);

  // Coming back later: a kind message, no form, still accessible.
  await page.goto('/setup');
  await expect(page.getByRole('heading', { name: 'This site is already set up' })).toBeVisible();
  await expect(page.locator('main form')).toHaveCount(0);
  await expectNoAxeViolations(page);
});
