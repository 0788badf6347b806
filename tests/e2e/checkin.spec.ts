// The check-in in a real browser against the real server: a learner takes both parts (one
// statement per screen, by mouse and by keyboard), sees the attachment plane, the table and the
// eight signs; a second check-in draws a path from the first point to the new one. Every page
// on the way passes axe, on a phone in light mode and on a wide screen in dark mode.
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { apiPost, confirmedLearner, type Learner } from './support/accounts';
import { collectProblems } from './support/console';
import { expect, test } from './support/fixtures';
import { mailDir } from './support/mail';
import { desktop, mobile } from './support/viewports';

// One learner for the whole file: the second test builds on the first one's result.
test.describe.configure({ mode: 'serial' });

let learner: Learner | undefined;

async function logIn(page: Page, who: Learner): Promise<void> {
  const login = await apiPost(page.request, '/api/v1/auth/login', { email: who.email, password: who.password });
  expect(login.status(), await login.text()).toBe(200);
}

/** Answers every statement of the part on screen with `answer`, until it is saved. */
async function answerAll(page: Page, answer: string, finish: string, useKeyboard: boolean): Promise<number> {
  const progress = page.getByText(/^\d+ of \d+$/);
  // The part may still be opening (the previous part's last screen is on show until then).
  await expect(progress).toHaveText(/^1 of \d+$/);
  const total = Number((await progress.textContent())?.split(' of ')[1]);
  expect(total).toBeGreaterThan(0);
  for (let n = 1; n <= total; n += 1) {
    await expect(progress).toHaveText(`${n} of ${total}`);
    const group = page.getByRole('group');
    const choice = group.getByLabel(answer, { exact: true });
    if (useKeyboard && n > 1) {
      // Focus is on the statement after each step: Tab to the first answer, arrow keys down to
      // the chosen one (arrows choose as they move), Enter to go on.
      await expect(group.locator('legend')).toBeFocused();
      const labels = (await group.locator('label').allTextContents()).map((text) => text.trim());
      await page.keyboard.press('Tab');
      await expect(group.getByRole('radio').first()).toBeFocused();
      for (let i = 0; i < labels.indexOf(answer); i += 1) await page.keyboard.press('ArrowDown');
      await expect(choice).toBeChecked();
      await page.keyboard.press('Enter');
    } else {
      await choice.check();
      await page.getByRole('button', { name: n === total ? finish : 'Next' }).click();
    }
  }
  return total;
}

test('both parts of the check-in, then the plane, the table and the signs; axe on each page', async ({
  openPage,
  browser,
  baseURL,
}) => {
  test.skip(!mailDir, 'SB_E2E_MAIL_DIR is not set: a learner needs the confirmation mail');
  test.setTimeout(120_000);
  const setup = await browser.newContext({ baseURL });
  learner = await confirmedLearner(setup.request, 'checkin');
  await setup.close();

  const page = await openPage({ ...mobile, colorScheme: 'light' });
  const problems = collectProblems(page);
  await logIn(page, learner);

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 2, name: 'Your plan' })).toBeVisible();
  await page.getByRole('link', { name: 'About the check-in' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check-in');
  await expect(page.getByText('has not been tested in research')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Begin the check-in' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Closeness and distance');
  await expect(page.getByRole('group')).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Statements answered' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Back keeps the answer given.
  await page.getByRole('group').getByLabel('Agree', { exact: true }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('group').getByLabel('Agree', { exact: true })).toBeChecked();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Back' }).click();

  await answerAll(page, 'Strongly agree', 'Save and go on to part 2', false);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The past two weeks');
  await expect(page.getByText('Thank you: part 1 is saved.')).toBeVisible();
  await expect(page.getByRole('group')).toBeVisible();
  await expectNoAxeViolations(page);
  const signs = await answerAll(page, 'Often', 'Save and see my results', true);
  expect(signs).toBe(8);

  await expect(page).toHaveURL(/\/check-in\/results$/);
  const plane = page.getByRole('img', { name: /Your results on the attachment plane/ });
  await expect(plane).toBeVisible();
  await expect(plane.locator('.plane-current')).toHaveCount(1);
  await expect(plane.locator('.plane-path')).toHaveCount(0);
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
  const signsSection = page.locator('section', { has: page.getByRole('heading', { name: /The eight signs/ }) });
  await expect(signsSection.getByRole('listitem')).toHaveCount(8);
  await expect(signsSection.getByText('Often, 3 of 4')).toHaveCount(8);
  await expect(page.locator('[style]')).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Nothing of the finished check-in is left on the device.
  expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('securebase.checkin.')))).toEqual([]);

  // Home now shows the plan from this check-in, and does not ask for another yet.
  await page.goto('/');
  const plan = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Your plan' }) });
  await expect(plan.getByRole('link', { name: 'See your check-in results' })).toBeVisible();
  await expect(plan.getByRole('heading', { level: 3 })).toHaveCount(3);
  await expect(plan.getByRole('link', { name: 'Take the check-in again' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);
});

test('a second check-in draws a path from the first result; resuming after closing the tab', async ({ openPage }) => {
  // Made by the test above (the files' tests run in order): fail, never skip, without it.
  expect(learner, 'the learner from the first test').toBeDefined();
  test.setTimeout(120_000);
  const page = await openPage({ ...desktop, colorScheme: 'dark' });
  const problems = collectProblems(page);
  await logIn(page, learner!);

  await page.goto('/check-in/attachment');
  await expect(page.getByRole('group')).toBeVisible();
  await page.getByRole('group').getByLabel('Strongly disagree', { exact: true }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText(/^2 of \d+$/)).toBeVisible();

  // Closing the tab and coming back keeps the place and the answer.
  await page.goto('/check-in');
  await expect(page.getByRole('link', { name: 'Carry on with part 1' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Carry on with part 1' }).click();
  await expect(page.getByText('Welcome back. We kept the answers you gave before')).toBeVisible();
  await expect(page.getByText(/^2 of \d+$/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('group').getByLabel('Strongly disagree', { exact: true })).toBeChecked();

  await answerAll(page, 'Strongly disagree', 'Save and go on to part 2', false);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The past two weeks');
  await answerAll(page, 'Rarely', 'Save and see my results', false);

  const plane = page.getByRole('img', { name: /Your results on the attachment plane/ });
  await expect(plane).toBeVisible();
  await expect(plane.locator('.plane-path')).toHaveCount(1);
  await expect(plane.locator('.plane-earlier')).toHaveCount(1);
  await expect(plane.locator('desc')).toContainText('One earlier result is joined to it by an arrow');
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('(shown above)');
  await expect(page.getByRole('heading', { level: 3, name: 'Since last time' })).toBeVisible();
  await expect(page.getByText('These are plain differences.')).toBeVisible();
  await expectNoAxeViolations(page);

  // The earlier result opens on its own, with no path before it.
  await rows.nth(2).getByRole('link').click();
  await expect(page).toHaveURL(/\/check-in\/results\/.+/);
  await expect(plane.locator('.plane-path')).toHaveCount(0);
  await expect(page.getByRole('table').getByRole('row').nth(2)).toContainText('(shown above)');
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);
});
