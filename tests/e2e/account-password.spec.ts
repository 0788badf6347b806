// A forgotten password: ask for a link, open it from the mail, choose a new password; the old
// one no longer works and the new one does.
import { expectNoAxeViolations } from './support/axe';
import { confirmedLearner, fillInLogin } from './support/accounts';
import { expect, test } from './support/fixtures';
import { mailDir, noMailDir, waitForLink } from './support/mail';
import { desktop, mobile } from './support/viewports';

test.beforeEach(() => {
  test.skip(!mailDir, noMailDir);
});

test('forgotten password → reset from the mail → the old password is refused, the new one works', async ({
  openPage,
}) => {
  const page = await openPage({ ...mobile, colorScheme: 'light' });
  const learner = await confirmedLearner(page.request, 'reset');
  const newPassword = 'a brighter morning walk';

  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgotten your password?' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Forgotten your password?');
  await expectNoAxeViolations(page);
  await page.getByLabel('Email address').fill(learner.email);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeFocused();
  await expect(page.getByRole('main')).toContainText(`If there’s an account for ${learner.email}`);

  const link = await waitForLink(learner.email, '/reset-password');
  await page.goto(link.pathname + link.search);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a new password');
  await expectNoAxeViolations(page);
  // Too short first: refused beside the field.
  await page.getByLabel('New password', { exact: true }).fill('tiny');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page.locator('#reset-password-error')).toContainText('must be at least 8 characters');
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page.getByRole('heading', { name: 'Your password has been changed' })).toBeFocused();
  await expectNoAxeViolations(page);

  // The link works once.
  await page.goto(link.pathname + link.search);
  await page.getByLabel('New password', { exact: true }).fill('yet another long password');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page.getByRole('heading', { name: 'This link has expired or has already been used' })).toBeVisible();

  await page.goto('/login');
  await fillInLogin(page, learner.email, learner.password);
  await expect(page.locator('.form-summary')).toContainText('That email and password don’t match.');

  await page.goto('/login');
  await fillInLogin(page, learner.email, newPassword);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('banner').getByRole('link', { name: `Your account: ${learner.name}` })).toBeVisible();
});

test('changing the password on /account keeps this device logged in', async ({ openPage }) => {
  const page = await openPage({ ...desktop, colorScheme: 'dark' });
  const learner = await confirmedLearner(page.request, 'change');
  await page.goto('/login?next=%2Faccount');
  await fillInLogin(page, learner.email, learner.password);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');

  const section = page.locator('section', { has: page.getByRole('heading', { name: 'Password' }) });
  await section.getByLabel('Current password').fill('not my password');
  await section.getByLabel('New password', { exact: true }).fill('a new and longer password');
  await section.getByRole('button', { name: 'Change password' }).click();
  await expect(section.locator('.form-summary')).toBeFocused();
  await expect(section.getByLabel('Current password')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  await section.getByLabel('Current password').fill(learner.password);
  await section.getByRole('button', { name: 'Change password' }).click();
  await expect(section.getByText('Your password has been changed.')).toBeVisible();
  expect((await page.request.get('/api/v1/me')).status()).toBe(200);
});
