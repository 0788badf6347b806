// Sign up → open the confirmation mail → log in → log out, in a real browser against the real
// server, reading the mail the server writes (SB_E2E_MAIL_DIR). Each state the person sees on
// the way is scanned with axe.
import { expectNoAxeViolations } from './support/axe';
import { fillInLogin, uniqueEmail } from './support/accounts';
import { expect, test } from './support/fixtures';
import { mailDir, noMailDir, waitForLink } from './support/mail';
import { desktop, mobile } from './support/viewports';

test.beforeEach(() => {
  test.skip(!mailDir, noMailDir);
});

test('sign up, confirm the address from the mail, log in, log out', async ({ openPage }) => {
  const page = await openPage({ ...mobile, colorScheme: 'dark', timezoneId: 'Europe/Dublin', locale: 'en-IE' });
  const email = uniqueEmail('signup');
  const password = 'a calm and steady harbour';

  // Signed out, the banner offers both ways in.
  await page.goto('/');
  const banner = page.getByRole('banner');
  await banner.getByRole('link', { name: 'Sign up' }).click();
  await expect(page).toHaveURL(/\/signup$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Create your account');
  await expect(page).toHaveTitle('Sign up · Secure Base');

  // The time zone and country start from the device.
  await expect(page.getByLabel('Time zone')).toHaveValue('Europe/Dublin');
  await expect(page.getByLabel('Country')).toHaveValue('IE');
  await expect(page.getByText('At least 8 characters.', { exact: false })).toBeVisible();

  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Your name').fill('Robin');
  // A password that is too short is refused beside its field; nothing typed is lost.
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('#signup-password-error')).toContainText('Your password must be at least 8 characters');
  await expect(page.locator('.form-summary')).toBeFocused();
  await expect(page.getByLabel('Email address')).toHaveValue(email);
  await expectNoAxeViolations(page);

  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Show password' }).click();
  await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('type', 'text');
  await page.getByRole('button', { name: 'Create account' }).click();

  const sent = page.getByRole('heading', { name: 'Check your email' });
  await expect(sent).toBeFocused();
  await expect(page.getByRole('main')).toContainText(`We’ve sent a message to ${email}.`);
  await expectNoAxeViolations(page);

  // Before the address is confirmed, logging in explains and sends a fresh link.
  await page.goto('/login');
  await fillInLogin(page, email, password);
  await expect(page.getByRole('heading', { name: 'Please confirm your email address first' })).toBeVisible();
  await expect(page.locator('.form-summary')).toContainText(`We’ve just sent a new link to ${email}.`);

  // The mail's link confirms the address.
  const link = await waitForLink(email, '/verify');
  await page.goto(link.pathname + link.search);
  await expect(page.getByRole('heading', { name: 'Your email is confirmed' })).toBeFocused();
  await expect(page).toHaveURL(/\/verify$/);
  await expectNoAxeViolations(page);

  await page.getByRole('main').getByRole('link', { name: 'Log in' }).click();
  await fillInLogin(page, email, password);
  await expect(page).toHaveURL(/\/$/);
  const name = banner.getByRole('link', { name: 'Your account: Robin' });
  await expect(name).toBeVisible();
  expect(await page.evaluate(() => localStorage.length)).toBe(0);

  // The session cookie cannot be read by the page.
  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name.endsWith('sb_session'));
  expect(session?.httpOnly).toBe(true);
  expect(await page.evaluate(() => document.cookie)).not.toContain('sb_session');

  await name.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');
  await expect(page.getByLabel('Your name')).toHaveValue('Robin');
  await expect(page.getByRole('main')).toContainText(`You log in with ${email}.`);

  await banner.getByRole('button', { name: 'Log out' }).click();
  await expect(banner.getByRole('link', { name: 'Log in' })).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  expect((await page.request.get('/api/v1/me')).status()).toBe(401);

  // Pages that need a session now send the person to log in, and back afterwards.
  await page.goto('/account');
  await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);
  await fillInLogin(page, email, password);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');
});

test('a wrong password gets one message that does not say which part was wrong', async ({ openPage }) => {
  const page = await openPage({ ...desktop, colorScheme: 'light' });
  await page.goto('/login');
  await fillInLogin(page, uniqueEmail('nobody'), 'not the password at all');
  const summary = page.locator('.form-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('That email and password don’t match.');
  await expect(page.getByLabel('Email address')).not.toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
});
