// Practices kept and looked back on, against the real server: a learner finishes a practice with
// ratings before and after and finds it in their history; one finished with no connection is kept
// on the device and recorded exactly once when the connection returns (also when the app itself
// was opened offline); with reduced motion it all still works; a 10 afterwards brings "Need help
// now" forward; and every new page passes axe. The page's clock is Playwright's, set a few minutes
// back, so the pacer moves at exact moments and no session ends in the server's future.
import { randomUUID } from 'node:crypto';
import type { APIRequestContext, BrowserContextOptions, Page } from '@playwright/test';
import { apiPost, confirmedLearner, fillInLogin, type Learner } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';
import { collectProblems } from './support/console';
import { expect, test } from './support/fixtures';
import { mailDir, noMailDir } from './support/mail';
import { mobile, variants } from './support/viewports';

const sigh = 'The double sigh';
const queueKey = 'securebase.practice-queue';

interface Session {
  id: string;
  practice_id: string;
  duration_seconds: number;
  distress_before: number | null;
  distress_after: number | null;
}

async function logIn(page: Page, learner: Learner, next: string) {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await fillInLogin(page, learner.email, learner.password);
  await expect(page).toHaveURL(new RegExp(`${next}$`));
}

/** A learner, logged in, on the double sigh, with the page's time a few minutes behind. */
async function learnerOnSigh(options: BrowserContextOptions, openPage: (o: BrowserContextOptions) => Promise<Page>) {
  const page = await openPage(options);
  await page.clock.install({ time: Date.now() - 5 * 60_000 });
  const learner = await confirmedLearner(page.request, 'practice');
  await logIn(page, learner, '/practices/cyclic-sighing');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(sigh);
  return { page, learner };
}

/** One minute of the double sigh, ended after 12 seconds, with the ratings given (if any). */
async function practise(page: Page, ratings: { before?: string; after?: string } = {}) {
  await page.getByRole('radio', { name: '1 minute' }).check();
  if (ratings.before) {
    await page.getByRole('group', { name: /right now/ }).getByRole('radio', { name: ratings.before, exact: true }).check();
  }
  const now = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(now + 1_000);
  await page.getByRole('button', { name: 'Begin', exact: true }).click();
  await expect(page.locator('.pacer-phase')).toHaveText('Breathe in');
  await page.clock.runFor(12_000);
  await page.getByRole('button', { name: 'End now' }).click();
  await page.clock.runFor(100);
  await expect(page.getByRole('heading', { level: 2, name: 'You stopped, and that is fine' })).toBeVisible();
  if (ratings.after) {
    await page.getByRole('group', { name: /feel now/ }).getByRole('radio', { name: ratings.after, exact: true }).check();
  }
  await page.getByRole('button', { name: 'Finish' }).click();
  // Time flows again for what follows (sending, axe).
  await page.clock.resume();
}

const done = (page: Page) => page.getByRole('heading', { level: 2, name: 'Thank you for taking this time' });

async function recorded(request: APIRequestContext): Promise<Session[]> {
  const response = await request.get('/api/v1/practice-sessions');
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { sessions: Session[] }).sessions;
}

const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), queueKey);

test.describe('signed in', () => {
  test.beforeEach(() => {
    test.skip(!mailDir, noMailDir);
  });

  test('a practice with ratings before and after is kept, and shows in the history', async ({ openPage }) => {
    const { page } = await learnerOnSigh({ ...mobile, colorScheme: 'light', timezoneId: 'America/New_York' }, openPage);
    const problems = collectProblems(page);
    await practise(page, { before: '7', after: '4' });
    await expect(done(page)).toBeVisible();
    await expect(page.getByText('Added to your practice history.')).toBeVisible();
    await expectNoAxeViolations(page);
    expect(await stored(page)).toBeNull();

    const sessions = await recorded(page.request);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({
      practice_id: 'cyclic-sighing',
      duration_seconds: 12,
      distress_before: 7,
      distress_after: 4,
    });

    // The weeks are the learner's own: the browser's zone goes to the server.
    const statsAsked = page.waitForRequest((request) => request.url().includes('/api/v1/practice-stats'));
    await page.getByRole('link', { name: 'See your practice history' }).click();
    expect(new URL((await statsAsked).url()).searchParams.get('tz')).toBe('America/New_York');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your practice history');
    const main = page.getByRole('main');
    await expect(main.getByRole('figure')).toContainText('Over these weeks you practised 1 time, under a minute in all.');
    const card = main.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: sigh }) });
    await expect(card).toContainText('Practised 1 time, under a minute in all.');
    await expect(card).toContainText('will show here after 3 practices rated before and after. So far: 1.');
    await expect(main.locator('.history-session')).toHaveCount(1);
    await expect(main.locator('.history-session')).toContainText('12 seconds · distress 7, then 4');
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
  });

  test('finished with no connection: kept on the device, then recorded exactly once when back online', async ({
    openPage,
  }) => {
    const { page } = await learnerOnSigh({ ...mobile, colorScheme: 'dark', serviceWorkers: 'allow' }, openPage);
    await page.context().setOffline(true);
    await practise(page, { before: '6', after: '3' });
    await expect(done(page)).toBeVisible();
    await expect(
      page.getByText('Kept safely on this device for now. It will be added to your history when you are back online.'),
    ).toBeVisible();
    expect(await stored(page)).not.toBeNull();
    await expectNoAxeViolations(page);

    await page.context().setOffline(false);
    await expect(page.getByText('Added to your practice history.')).toBeVisible();
    await expect.poll(() => stored(page)).toBeNull();
    // A fresh start sends nothing more.
    await page.goto('/practices/history');
    await expect(page.getByRole('main').locator('.history-session')).toHaveCount(1);
    await expect(page.getByRole('main').getByRole('figure')).toContainText('you practised 1 time');
    const sessions = await recorded(page.request);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ practice_id: 'cyclic-sighing', distress_before: 6, distress_after: 3 });
  });

  test('opened with no connection: the practice waits, and the log-in found on reconnecting sends it once', async ({
    openPage,
  }) => {
    const { page } = await learnerOnSigh({ ...mobile, colorScheme: 'light', serviceWorkers: 'allow' }, openPage);
    // The service worker (the app shell and the player's code) must be in control to load offline.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.context().setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(sigh);
    await practise(page);
    await expect(
      page.getByText('Kept safely on this device for now. It will be added to your history once Secure Base can be reached.'),
    ).toBeVisible();

    await page.context().setOffline(false);
    await expect(page.getByText('Added to your practice history.')).toBeVisible();
    await page.goto('/practices/history');
    await expect(page.getByRole('main').locator('.history-session')).toHaveCount(1);
    expect(await recorded(page.request)).toHaveLength(1);
  });

  test('with reduced motion, a practice is kept and the history reads the same', async ({ openPage }) => {
    const { page } = await learnerOnSigh({ ...mobile, colorScheme: 'dark', reducedMotion: 'reduce' }, openPage);
    await practise(page, { before: '5', after: '5' });
    await expect(page.getByText('Added to your practice history.')).toBeVisible();
    await page.getByRole('link', { name: 'See your practice history' }).click();
    await expect(page.getByRole('main').locator('.history-session')).toHaveCount(1);
    const animations = await page.evaluate(() =>
      document.getAnimations().filter((animation) => animation.playState === 'running').length,
    );
    expect(animations).toBe(0);
    await expectNoAxeViolations(page);
    expect(await recorded(page.request)).toHaveLength(1);
  });

  test('a 10 afterwards brings "Need help now" forward, kindly, and the practice is still kept', async ({
    openPage,
  }) => {
    const { page } = await learnerOnSigh({ ...mobile, colorScheme: 'light' }, openPage);
    await practise(page, { after: '10' });
    const dialog = page.getByRole('dialog', { name: 'Need help now' });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(done(page)).toBeVisible();
    await expect(page.getByText('Added to your practice history.')).toBeVisible();
    const sessions = await recorded(page.request);
    expect(sessions.map((s) => [s.distress_before, s.distress_after])).toEqual([[null, 10]]);
  });

  test('the history, empty and then with several weeks of practice, passes axe in every shape and scheme', async ({
    openPage,
  }) => {
    // Four log-ins and five axe scans: more than the default 30 seconds on a busy machine.
    test.slow();
    const first = await openPage(variants[0]!.options);
    const learner = await confirmedLearner(first.request, 'history');
    await logIn(first, learner, '/practices/history');
    await expect(first.getByText(/Nothing here yet/)).toBeVisible();
    await expectNoAxeViolations(first);
    // Practice on some days of the last weeks, sent as the app would.
    const now = Date.now();
    for (const [daysAgo, practice, before, after] of [
      [1, 'cyclic-sighing', 7, 4],
      [2, 'cyclic-sighing', 6, 4],
      [9, 'cyclic-sighing', 8, 5],
      [10, 'box-breathing', null, null],
      [30, 'grounding-54321', 5, 5],
    ] as const) {
      const response = await apiPost(first.request, '/api/v1/practice-sessions', {
        id: randomUUID(),
        practice_id: practice,
        started_at: new Date(now - daysAgo * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z'),
        duration_seconds: 300,
        distress_before: before,
        distress_after: after,
      });
      expect(response.status(), await response.text()).toBe(201);
    }
    for (const { name, options } of variants) {
      const page = name === variants[0]!.name ? first : await openPage(options);
      if (page === first) await page.reload();
      else await logIn(page, learner, '/practices/history');
      const main = page.getByRole('main');
      await expect(main.getByRole('figure')).toContainText('Over these weeks you practised 5 times, 25 minutes in all.');
      await expect(
        main.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: sigh }) }),
      ).toContainText('On average your distress went down by 2.7 points out of 10, across 3 practices you rated before and after.');
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(sideways, name).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page);
    }
  });
});

test('signed out: the done screen and the history page say gently what logging in keeps', async ({ openPage }) => {
  for (const { options } of [variants[0]!, variants[3]!]) {
    const page = await openPage(options);
    await page.clock.install({ time: Date.now() - 5 * 60_000 });
    await page.goto('/practices/cyclic-sighing');
    await practise(page);
    await expect(done(page)).toBeVisible();
    await expect(page.getByText(/If you would like a history of your practices/)).toBeVisible();
    expect(await stored(page)).toBeNull();
    await expectNoAxeViolations(page);

    await page.goto('/practices/history');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your practice history');
    await expect(page.getByText(/each practice you finish is kept here/)).toBeVisible();
    await expectNoAxeViolations(page);
  }
});
