// The journal against the real server, as a learner uses it: a trigger log begun, the tab closed
// mid-way and the session lost, and not a word gone; finished, found by search, counted in the
// patterns page; the pause before reacting from the first question to the saved entry; and
// delete meaning delete. axe scans every new page (a light phone for the first journey, a dark
// wide screen for the second, as pages.spec pairs them).
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { apiPut, confirmedLearner, fillInLogin, type Learner } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';
import { collectProblems } from './support/console';
import { expect, test } from './support/fixtures';
import { mailDir, noMailDir } from './support/mail';
import { desktop, mobile } from './support/viewports';

const situation = 'Sam had not answered my message about the weekend for three hours.';
const selfTalk = 'They are bored of me and getting ready to leave.';
const searchWord = 'weekend';

async function logIn(page: Page, learner: Learner, next: string) {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await fillInLogin(page, learner.email, learner.password);
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[?]/g, '\\?')}$`));
}

/** A trigger log written straight to the API (for the patterns page's minimum). */
function triggerLog(hour: number, before: number, after: number) {
  const when = new Date(Date.now() - 86_400_000);
  when.setUTCHours(hour, 0, 0, 0);
  return {
    kind: 'trigger',
    occurred_at: when.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    tags: [],
    trigger: {
      situation: 'A plan changed at short notice.',
      state: 'activated',
      signs: ['fear_of_abandonment'],
      urges: ['check_phone'],
      helped: ['paced_breathing'],
      intensity_before: before,
      intensity_after: after,
    },
  };
}

test.beforeEach(() => {
  test.skip(!mailDir, noMailDir);
});

test('a trigger log outlives a closed tab and a lapsed session, then is found by search and counted in the patterns; axe on each page', async ({
  openPage,
}) => {
  const page = await openPage(mobile);
  const problems = collectProblems(page);
  const learner = await confirmedLearner(page.request, 'journal');
  await logIn(page, learner, '/journal');
  await expect(page.getByRole('heading', { level: 2, name: 'Your entries' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Begin a trigger log and close the tab half-way through.
  await page.getByRole('link', { name: 'Log a hard moment' }).click();
  await expect(page).toHaveURL(/\/journal\/new\?kind=trigger$/);
  await page.getByLabel('What happened?').fill(situation);
  await page.getByRole('group', { name: 'What did you notice in your body?' }).getByLabel('Tight chest').check();
  await expectNoAxeViolations(page);
  const context = page.context();
  await page.close();

  // A new tab: the draft is offered back, whole.
  const second = await context.newPage();
  await second.goto('/journal/new?kind=trigger');
  await expect(second.getByRole('heading', { level: 2, name: 'Carry on where you left off?' })).toBeVisible();
  await expect(second.getByText(situation, { exact: false }).first()).toBeVisible();
  await expectNoAxeViolations(second);
  await second.getByRole('button', { name: 'Carry on' }).click();
  await expect(second.getByLabel('What happened?')).toHaveValue(situation);
  await expect(second.getByRole('group', { name: 'What did you notice in your body?' }).getByLabel('Tight chest')).toBeChecked();

  // The session runs out while writing: saving keeps every word and says so.
  await second.getByLabel('What did you tell yourself?').fill(selfTalk);
  await context.clearCookies();
  await second.getByRole('button', { name: 'Save entry' }).click();
  await expect(second.getByText(/kept on this device/i).first()).toBeVisible();

  // Log in again: the draft is still there, and now it saves.
  await logIn(second, learner, '/journal/new?kind=trigger');
  await second.getByRole('button', { name: 'Carry on' }).click();
  await expect(second.getByLabel('What did you tell yourself?')).toHaveValue(selfTalk);
  await second.getByRole('group', { name: 'How intense was it all, at its strongest?' }).getByLabel('8', { exact: true }).check();
  await second.getByRole('group', { name: 'How intense is it now, or was it afterwards?' }).getByLabel('3', { exact: true }).check();
  await second.getByRole('button', { name: 'Save entry' }).click();
  await expect(second).toHaveURL(/\/journal\/[0-9a-f-]{36}$/);
  await expect(second.getByRole('heading', { level: 1 })).toHaveText('Trigger log');
  await expect(second.getByText(selfTalk)).toBeVisible();
  await expectNoAxeViolations(second);
  const drafts = await second.evaluate(() =>
    Object.keys(localStorage).filter((key) => key.startsWith('securebase.journal-draft.')),
  );
  expect(drafts).toEqual([]);

  // Found by a word from it.
  await second.goto('/journal');
  await second.getByLabel('Search your journal').fill(searchWord);
  await second.getByRole('button', { name: 'Search' }).click();
  await expect(second).toHaveURL(new RegExp(`[?&]q=${searchWord}`));
  const found = second.getByRole('main').getByRole('listitem').filter({ hasText: situation });
  await expect(second.getByRole('status').filter({ hasText: '1 entry found.' })).toBeVisible();
  await expect(found).toHaveCount(1);
  await expect(found.getByRole('link', { name: /^Trigger log, / })).toHaveAttribute('href', /^\/journal\/[0-9a-f-]{36}$/);
  await second.getByLabel('Search your journal').fill('nothing-like-this-anywhere');
  await second.getByRole('button', { name: 'Search' }).click();
  await expect(second).toHaveURL(/[?&]q=nothing-like-this-anywhere/);
  await expect(found).toHaveCount(0);

  // Four more logs reach the minimum: the patterns page counts the first one too.
  for (const [hour, before, after] of [
    [20, 7, 4],
    [21, 6, 2],
    [19, 8, 5],
    [22, 5, 3],
  ] as const) {
    const saved = await apiPut(second.request, `/api/v1/journal/entries/${randomUUID()}`, triggerLog(hour, before, after));
    expect(saved.status(), await saved.text()).toBe(201);
  }
  await second.goto('/journal/insights');
  await expect(second.getByRole('heading', { level: 1 })).toHaveText('Patterns in your trigger logs');
  for (const name of [
    'Bar chart: your trigger logs in each week, stacked by the state you noted',
    'Bar chart: the urges you noted, most often first',
    'Bar chart: what seemed to help, by the average drop in the intensity you rated',
    'Bar chart: your trigger logs by time of day',
  ]) {
    await expect(second.getByRole('img', { name })).toBeVisible();
  }
  await expect(second.getByRole('main')).toContainText('5');
  await expectNoAxeViolations(second);
  expect(problems).toEqual([]);
});

test('pause before reacting: notice, pause, finish; the saved entry holds both halves; axe on each step', async ({
  openPage,
}) => {
  const page = await openPage({ ...desktop, colorScheme: 'dark' });
  const problems = collectProblems(page);
  const learner = await confirmedLearner(page.request, 'pause');
  await logIn(page, learner, '/journal/pause');
  await expect(page.getByRole('heading', { level: 2, name: 'Step 1 of 3: Notice what is happening' })).toBeFocused();
  await page.getByLabel('What just happened?').fill('My friend cancelled our dinner by text.');
  await page.getByRole('group', { name: 'What do you feel like doing?' }).getByLabel(/Check my phone/).check();
  await page.getByRole('group', { name: /How strong is the feeling right now/ }).getByLabel('7', { exact: true }).check();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Next: take a pause' }).click();

  await expect(page.getByRole('heading', { level: 2, name: 'Step 2 of 3: Take a pause' })).toBeFocused();
  await expect(page.getByRole('list', { name: 'Short practices' }).getByRole('link').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Skip the practice' }).click();

  await expect(page.getByRole('heading', { level: 2, name: 'Step 3 of 3: Finish your log' })).toBeFocused();
  await expect(page.getByText('My friend cancelled our dinner by text.')).toBeVisible();
  await page.getByLabel('What did you do?').fill('Waited ten minutes before answering, and answered kindly.');
  await page.getByRole('group', { name: /How strong is the feeling now/ }).getByLabel('4', { exact: true }).check();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Save to my journal' }).click();

  await expect(page).toHaveURL(/\/journal\/[0-9a-f-]{36}$/);
  await expect(page.getByText('My friend cancelled our dinner by text.')).toBeVisible();
  await expect(page.getByText('Waited ten minutes before answering, and answered kindly.')).toBeVisible();
  const id = page.url().split('/').pop()!;
  const stored = await page.request.get(`/api/v1/journal/entries/${id}`);
  const entry = (await stored.json()) as { trigger: { urges: string[]; helped: string[]; intensity_before: number; intensity_after: number } };
  expect(entry.trigger.urges).toEqual(['check_phone']);
  expect(entry.trigger.helped).toContain('pausing');
  expect([entry.trigger.intensity_before, entry.trigger.intensity_after]).toEqual([7, 4]);

  // Delete is for good: asked first, then gone from the server.
  await page.getByRole('button', { name: 'Delete this entry' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /delete/i })).toBeFocused();
  await page.getByRole('button', { name: 'Yes, delete it for good' }).click();
  await expect(page).toHaveURL(/\/journal$/);
  expect((await page.request.get(`/api/v1/journal/entries/${id}`)).status()).toBe(404);
  expect(problems).toEqual([]);
});
