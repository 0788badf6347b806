// Every account page loads with its one h1 and title and passes axe (WCAG 2.2 AA rules) on a
// phone and a wide screen, light and dark: the pages anyone can open on a light phone and a dark
// wide screen (support/viewports.ts says why two), and the two that need a session, for a learner
// who has just logged in, in all four combinations.
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { apiPost, confirmedLearner, type Learner } from './support/accounts';
import { expect, test } from './support/fixtures';
import { mailDir } from './support/mail';
import { pairedVariants, variants } from './support/viewports';

const open = [
  { path: '/signup', heading: 'Create your account', title: 'Sign up · Secure Base' },
  { path: '/login', heading: 'Log in', title: 'Log in · Secure Base' },
  { path: '/login/code', heading: 'Enter your code', title: 'Two-factor code · Secure Base' },
  { path: '/forgot-password', heading: 'Forgotten your password?', title: 'Forgotten password · Secure Base' },
  { path: '/verify?token=not-a-real-token', heading: 'Confirm your email', title: 'Confirm email · Secure Base' },
  { path: '/reset-password?token=x', heading: 'Choose a new password', title: 'New password · Secure Base' },
  { path: '/confirm-email', heading: 'Confirm your new email address', title: 'Confirm email · Secure Base' },
];

const signedIn = [
  { path: '/account', heading: 'Your account', title: 'Account · Secure Base', ready: 'Your details' },
  { path: '/account/two-factor', heading: 'Two-factor sign-in', title: 'Two-factor sign-in · Secure Base', ready: 'Set up two-factor sign-in' },
];

let learner: Learner | undefined;

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scroll, 'the page scrolls sideways').toBeLessThanOrEqual(width);
}

for (const variant of variants) {
  test.describe(variant.name, () => {
    for (const target of open) {
      if (!pairedVariants.includes(variant)) continue;
      test(`${target.path} has its heading and title, and passes axe`, async ({ openPage }) => {
        const page = await openPage(variant.options);
        await page.goto(target.path);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.heading);
        await expect(page.locator('h1')).toHaveCount(1);
        await expect(page).toHaveTitle(target.title);
        // Wait for the page to settle (a link checked with the server, the session known).
        await expect(page.getByRole('banner').getByRole('link', { name: 'Log in' })).toBeVisible();
        await expect(page.getByRole('main').getByRole('status')).toHaveCount(0);
        await expectNoSidewaysScroll(page);
        await expectNoAxeViolations(page);
      });
    }

    for (const target of signedIn) {
      test(`${target.path}, logged in, passes axe`, async ({ openPage, browser, baseURL }) => {
        test.skip(!mailDir, 'SB_E2E_MAIL_DIR is not set: a learner needs the confirmation mail');
        if (!learner) {
          const setupContext = await browser.newContext({ baseURL });
          learner = await confirmedLearner(setupContext.request, 'axe');
          await setupContext.close();
        }
        const page = await openPage(variant.options);
        const login = await apiPost(page.request, '/api/v1/auth/login', { email: learner.email, password: learner.password });
        expect(login.status()).toBe(200);
        await page.goto(target.path);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.heading);
        await expect(page).toHaveTitle(target.title);
        await expect(page.getByRole('heading', { level: 2, name: target.ready })).toBeVisible();
        await expectNoSidewaysScroll(page);
        await expectNoAxeViolations(page);
      });
    }
  });
}
