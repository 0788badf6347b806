// Making new recovery codes from /account/two-factor, on a phone: a learner with two-factor sign-in
// on sees how many codes are left, is asked for the password again (a wrong one is said beside the
// field), then sees ten new codes once, each on its own line without running off the screen; the
// mail says new codes were made (and carries none); an old code no longer signs in and a new one
// does. axe at each step, light and dark; screenshots of the new codes at phone width, light and
// dark, for looking at (SB_E2E_SCREENSHOTS).
import path from 'node:path';
import type { Page } from '@playwright/test';
import { apiPost, confirmedLearner, fillInLogin } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { mailDir, noMailDir, waitForMail } from './support/mail';
import { totp } from './support/totp';
import { mobile } from './support/viewports';

const shots = process.env.SB_E2E_SCREENSHOTS;
const codeForm = /^[2-9a-hjkmnp-z]{4}(-[2-9a-hjkmnp-z]{4}){5}$/;

/** Nothing on the page is wider than the screen. */
async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

test('on a phone, a learner makes new recovery codes; the old ones stop working', async ({ openPage }) => {
  test.skip(!mailDir, noMailDir);
  test.setTimeout(60_000);
  const page = await openPage({ ...mobile, colorScheme: 'light' });
  const learner = await confirmedLearner(page.request, 'renew-codes');

  // Log in on the page, then turn two-factor on through the API (the enrolment steps have their
  // own journey in account-practitioner.spec.ts).
  await page.goto('/login');
  await fillInLogin(page, learner.email, learner.password);
  await expect(page.getByRole('banner').getByRole('link', { name: /Your account/ })).toBeVisible();
  const begun = await apiPost(page.request, '/api/v1/auth/mfa/enroll', { current_password: learner.password });
  expect(begun.status(), await begun.text()).toBe(200);
  const enrolment = (await begun.json()) as { secret: string; recovery_codes: string[] };
  const confirmed = await apiPost(page.request, '/api/v1/auth/mfa/confirm', { code: totp(enrolment.secret) });
  expect(confirmed.status(), await confirmed.text()).toBe(200);
  await waitForMail(learner.email, (m) => m.subject === 'Two-factor sign-in is now on');

  await page.goto('/account/two-factor');
  await expect(page.getByRole('heading', { name: 'Two-factor sign-in is on' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('You have 10 recovery codes left.');
  const section = page.getByRole('region', { name: 'Make new recovery codes' });
  await expect(section).toContainText('The codes you have now will stop working straight away');
  await expectNoAxeViolations(page);
  if (shots) await page.screenshot({ path: path.join(shots, 'two-factor-on-mobile-light.png'), fullPage: true });

  // The password again; a wrong one is said beside the field.
  await section.getByLabel('Your password').fill('not my password at all');
  await section.getByRole('button', { name: 'Make new recovery codes' }).click();
  await expect(page.getByRole('link', { name: 'Your password is not right.' })).toBeVisible();
  await expect(section.getByLabel('Your password')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  await section.getByLabel('Your password').fill(learner.password);
  await section.getByRole('button', { name: 'Make new recovery codes' }).click();
  const done = page.getByRole('heading', { name: 'Your new recovery codes' });
  await expect(done).toBeFocused();
  await expect(page.getByRole('main')).toContainText('Your old codes no longer work.');
  const list = page.getByRole('list', { name: 'Recovery codes' });
  const codes = await list.getByRole('listitem').allTextContents();
  expect(codes).toHaveLength(10);
  for (const code of codes) {
    expect(code).toMatch(codeForm);
    expect(enrolment.recovery_codes).not.toContain(code);
  }
  // Each code on its own line at phone width, inside the screen.
  const boxes = await list.getByRole('listitem').evaluateAll((items) =>
    items.map((item) => {
      const r = item.getBoundingClientRect();
      return { top: r.top, right: r.right };
    }),
  );
  expect(new Set(boxes.map((b) => Math.round(b.top))).size).toBe(10);
  for (const box of boxes) expect(box.right).toBeLessThanOrEqual(mobile.viewport!.width);
  await expectNoSidewaysScroll(page);
  await expect(page.getByRole('main')).toContainText('You have 10 recovery codes left.');
  await expectNoAxeViolations(page);
  if (shots) await page.screenshot({ path: path.join(shots, 'new-recovery-codes-mobile-light.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
  if (shots) await page.screenshot({ path: path.join(shots, 'new-recovery-codes-mobile-dark.png'), fullPage: true });

  const told = await waitForMail(learner.email, (m) => m.subject === 'You have new recovery codes');
  for (const code of [...codes, ...enrolment.recovery_codes]) expect(told.text).not.toContain(code);

  // Log out; an old code is refused at the next log-in, a new one lets them in.
  await page.getByRole('banner').getByRole('button', { name: 'Log out' }).click();
  await page.goto('/login?next=%2Faccount');
  await fillInLogin(page, learner.email, learner.password);
  await expect(page).toHaveURL(/\/login\/code/);
  await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
  await page.getByLabel('Recovery code').fill(enrolment.recovery_codes[0]!);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('link', { name: /That recovery code didn’t work/ })).toBeVisible();
  await page.getByLabel('Recovery code').fill(codes[3]!.toUpperCase());
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('main')).toContainText('You have 9 recovery codes left.');
});
