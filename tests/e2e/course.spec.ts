// The course as a learner meets it: the outline, a lesson read and answered and completed, coming
// back later to pick up where they left off (the answer still there), and a lesson opened before
// read again offline. axe on every screen. Runs against the built-in course (gentle pacing).
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { confirmedLearner, fillInLogin, type Learner } from './support/accounts';
import { expect, test } from './support/fixtures';
import { mailDir, noMailDir } from './support/mail';
import { mobile, variants } from './support/viewports';

test.beforeEach(() => {
  test.skip(!mailDir, noMailDir);
});

async function logIn(page: Page, learner: Learner, next = '/course') {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await fillInLogin(page, learner.email, learner.password);
  await expect(page).toHaveURL(new RegExp(`${next}$`));
}

test('read a lesson, answer its question, complete it, and pick up again after logging back in', async ({
  openPage,
}) => {
  const page = await openPage({ ...mobile, colorScheme: 'light' });
  const learner = await confirmedLearner(page.request, 'course');
  await logIn(page, learner);

  // The outline: nothing done, the first module open, the next ones waiting kindly.
  const main = page.getByRole('main');
  await expect(main.getByText(/^0 of \d+ lessons complete$/)).toBeVisible();
  await expect(main.getByText(/This course is gently paced/)).toBeVisible();
  await expect(main.getByText(/Opens a few days after you start/).first()).toBeVisible();
  await expectNoAxeViolations(page);

  const begin = main.getByRole('link', { name: /^Begin: / });
  const firstTitle = (await begin.textContent())!.replace(/^Begin: /, '');
  await begin.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(firstTitle);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(main.getByText(/In this lesson:/)).toBeVisible();
  await expectNoAxeViolations(page);

  // Answer the first reflection question.
  const answer = `Mostly the quiet evenings ${Date.now()}`;
  const firstPrompt = main.locator('form.prompt').first();
  const box = firstPrompt.getByRole('textbox');
  await expect(box).toBeEnabled();
  await box.fill(answer);
  await firstPrompt.getByRole('button', { name: 'Save answer' }).click();
  await expect(firstPrompt.getByText('Saved.')).toBeVisible();

  await main.getByRole('button', { name: 'Mark this lesson complete' }).click();
  await expect(main.getByText('You have completed this lesson.')).toBeVisible();
  await expectNoAxeViolations(page);

  // On to the next lesson, then away.
  const next = main.getByRole('navigation', { name: 'Lessons' }).getByRole('link', { name: /^Next / });
  const secondTitle = (await next.textContent())!.replace(/^Next /, '');
  await next.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(secondTitle);
  await page.getByRole('banner').getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Log in' })).toBeVisible();

  // Later: Home offers to pick up at the second lesson.
  await logIn(page, learner, '/');
  const card = main.locator('section', { has: page.getByRole('heading', { name: 'Pick up where you left off' }) });
  await expect(card.getByText(/^1 of \d+ lessons complete$/)).toBeVisible();
  await expectNoAxeViolations(page);
  await card.getByRole('link', { name: `Continue: ${secondTitle}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(secondTitle);

  // The first lesson still holds the answer and its completion.
  await main.getByRole('navigation', { name: 'Lessons' }).getByRole('link', { name: /^Previous / }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(firstTitle);
  await expect(main.locator('form.prompt').first().getByRole('textbox')).toHaveValue(answer);
  await expect(main.getByText('You have completed this lesson.')).toBeVisible();
});

test('a lesson opened before can be read offline, without its answers', async ({ openPage }) => {
  const page = await openPage({ ...mobile, colorScheme: 'dark', serviceWorkers: 'allow' });
  const learner = await confirmedLearner(page.request, 'offline');
  await logIn(page, learner);
  // The service worker (the app shell) must be in control for an offline reload to work.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  const begin = page.getByRole('main').getByRole('link', { name: /^Begin: / });
  const title = (await begin.textContent())!.replace(/^Begin: /, '');
  await begin.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  const path = new URL(page.url()).pathname;
  // The copy is kept once the lesson has been shown.
  await expect
    .poll(() => page.evaluate(async (p) => Boolean(await (await caches.open('securebase-lessons-v1')).match(p)), path.replace('/course/lessons/', '/offline/lessons/')))
    .toBe(true);

  await page.context().setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByRole('main').getByText(/You are offline, so this is the copy kept on this device/)).toBeVisible();
  await expect(page.getByRole('main').locator('form.prompt').first().getByRole('textbox')).toBeDisabled();
  await expectNoAxeViolations(page);
  await page.context().setOffline(false);

  // Logging out removes what was kept.
  await page.reload();
  await page.getByRole('banner').getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Log in' })).toBeVisible();
  await expect.poll(() => page.evaluate(async () => (await caches.keys()).includes('securebase-lessons-v1'))).toBe(false);
});

for (const { name, options } of variants) {
  test(`${name}: the course page, signed out, invites and passes axe`, async ({ openPage }) => {
    const page = await openPage(options);
    await page.goto('/course');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Course');
    await expect(page.getByRole('link', { name: 'Create an account' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
}
