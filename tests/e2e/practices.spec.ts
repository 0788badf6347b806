// The guided practices as anyone meets them, signed out: the catalogue, a practice begun, paused,
// resumed and ended early, one run to its end, and the reduced-motion pacer that counts in words.
// Time in the page is Playwright's clock, so the pacer is checked at exact moments without
// waiting on the wall clock. Runs against the built-in catalogue (content/practices).
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { collectProblems } from './support/console';
import { expect, test } from './support/fixtures';
import { desktop, mobile } from './support/viewports';

const words = (page: Page) => page.locator('.pacer-phase');
const timeLeft = (page: Page) => page.locator('.practice-time');

async function openSigh(page: Page) {
  await page.clock.install();
  await page.goto('/practices/cyclic-sighing');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The double sigh');
  await page.getByRole('radio', { name: '1 minute' }).check();
}

/** axe waits on timers, so it scans with the page's time flowing (the practice paused or over). */
async function scan(page: Page) {
  await page.clock.resume();
  await expectNoAxeViolations(page);
}

/** From here on the page's time moves only by clock.runFor, so each moment is exact. */
async function holdTime(page: Page) {
  const now = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(now + 1_000);
}

test('the catalogue lists the practices, each with its lengths and a way in', async ({ openPage }) => {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await openPage({ ...mobile, colorScheme: scheme });
    const problems = collectProblems(page);
    await page.goto('/practices');
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 2, name: 'The double sigh' })).toBeVisible();
    // Every practice the issue asks for, each with a way in.
    const hrefs = await main.getByRole('link', { name: /^Begin: / }).evaluateAll((links) =>
      links.map((link) => link.getAttribute('href')),
    );
    for (const id of [
      'resonance-breathing',
      'cyclic-sighing',
      'box-breathing',
      'grounding-54321',
      'body-scan',
      'soothing-touch',
      'self-compassion-break',
      'pause-before-reacting',
      'orienting',
      'time-alone',
    ]) {
      expect(hrefs).toContain(`/practices/${id}`);
    }
    await expect(main.getByRole('link', { name: 'Begin: The double sigh' })).toHaveAttribute(
      'href',
      '/practices/cyclic-sighing',
    );
    await expect(main.getByText('1, 3 or 5 minutes')).toBeVisible();
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(sideways).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
  }
});

test('begin, pause, resume and end early; the after screen asks gently and closes kindly', async ({ openPage }) => {
  const page = await openPage({ ...mobile, colorScheme: 'light' });
  const problems = collectProblems(page);
  await openSigh(page);
  await expectNoAxeViolations(page);
  await page.getByRole('group', { name: /right now/ }).getByRole('radio', { name: '6', exact: true }).check();
  await holdTime(page);
  await page.getByRole('button', { name: 'Begin', exact: true }).click();

  // Two breaths in, then the long breath out: 2 s, 1 s, 6 s.
  await expect(words(page)).toHaveText('Breathe in');
  await expect(words(page)).toHaveAttribute('aria-live', 'polite');
  await page.clock.runFor(100);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeFocused();
  const first = await page.locator('.pacer-circle').evaluate((el) => (el as HTMLElement).style.transform);
  await page.clock.runFor(900);
  const later = await page.locator('.pacer-circle').evaluate((el) => (el as HTMLElement).style.transform);
  expect(later).not.toBe(first);
  await page.clock.runFor(1_100);
  await expect(words(page)).toHaveText('A little more in');
  await page.clock.runFor(1_000);
  await expect(words(page)).toHaveText('Breathe out');

  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(words(page)).toHaveText('Paused');
  const pausedAt = await timeLeft(page).textContent();
  await scan(page);
  await holdTime(page);
  await page.clock.runFor(30_000);
  await expect(timeLeft(page)).toHaveText(pausedAt!);
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(words(page)).toHaveText('Breathe out');
  await page.clock.runFor(6_000);
  await expect(words(page)).toHaveText('Breathe in');

  await page.getByRole('button', { name: 'End now' }).click();
  await page.clock.runFor(100);
  await expect(page.getByRole('heading', { level: 2, name: 'You stopped, and that is fine' })).toBeFocused();
  await scan(page);
  await page.getByRole('group', { name: /feel now/ }).getByRole('radio', { name: '4', exact: true }).check();
  await page.getByRole('button', { name: 'Finish' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Thank you for taking this time' })).toBeVisible();
  await expect(page.getByText('You said 6 out of 10 before, and 4 now.')).toBeVisible();
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);
});

test('a practice runs to its end by itself', async ({ openPage }) => {
  const page = await openPage({ ...desktop, colorScheme: 'dark' });
  await openSigh(page);
  await holdTime(page);
  await page.getByRole('button', { name: 'Begin', exact: true }).click();
  await expect(words(page)).toHaveText('Breathe in');
  // One minute in whole 9 s breaths is seven breaths: 63 s.
  await expect(timeLeft(page)).toHaveText('1:03 left');
  await page.clock.runFor(62_000);
  await expect(words(page)).toHaveText('Breathe out');
  await page.clock.runFor(1_500);
  await expect(page.getByRole('heading', { level: 2, name: 'You made it to the end' })).toBeVisible();
  await page.getByRole('button', { name: 'Finish' }).click();
  await expect(page.getByRole('button', { name: 'Do it again' })).toBeVisible();
});

test('a 9 before beginning brings "Need help now" forward, and the practice can still begin', async ({ openPage }) => {
  const page = await openPage({ ...mobile, colorScheme: 'light' });
  await openSigh(page);
  await page.getByRole('group', { name: /right now/ }).getByRole('radio', { name: '9', exact: true }).check();
  await page.getByRole('button', { name: 'Begin', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Need help now' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Begin the practice' }).click();
  await expect(words(page)).toHaveText('Breathe in');
});

test('with reduced motion the circle stays still and each phase is counted in words', async ({ openPage }) => {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await openPage({ ...mobile, colorScheme: scheme, reducedMotion: 'reduce' });
    await openSigh(page);
    await holdTime(page);
    await page.getByRole('button', { name: 'Begin', exact: true }).click();
    await expect(words(page)).toHaveText('Breathe in');
    await expect(page.locator('.pacer-count')).toHaveText('one');
    // Frames fall every 16 ms, so each check goes a little past the second it looks for.
    await page.clock.runFor(1_100);
    await expect(page.locator('.pacer-count')).toHaveText('two');
    await page.clock.runFor(2_000);
    await expect(words(page)).toHaveText('Breathe out');
    await expect(page.locator('.pacer-count')).toHaveText('one');
    const transform = await page.locator('.pacer-circle').evaluate((el) => (el as HTMLElement).style.transform);
    expect(transform).toBe('');
    await scan(page);
  }
});

test('a step practice shows one step at a time', async ({ openPage }) => {
  const page = await openPage({ ...mobile, colorScheme: 'light' });
  await page.goto('/practices/grounding-54321');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Grounding through the five senses');
  await page.getByRole('button', { name: 'Begin', exact: true }).click();
  await expect(page.getByText(/^Step 1 of \d+$/)).toBeVisible();
  await expectNoAxeViolations(page);
});

test('with no connection, the practices seen before still open and run', async ({ openPage }) => {
  const page = await openPage({ ...mobile, colorScheme: 'dark', serviceWorkers: 'allow' });
  await page.goto('/practices');
  // The service worker (the app shell and the player's code) must be in control to load offline.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await expect(page.getByRole('link', { name: 'Begin: The double sigh' })).toBeVisible();
  // The catalogue is kept once it has been shown.
  await expect
    .poll(() =>
      page.evaluate(async () => Boolean(await (await caches.open('securebase-practices-v1')).match('/offline/practices'))),
    )
    .toBe(true);

  await page.context().setOffline(true);
  await page.reload();
  await expect(page.getByText(/You are offline, so these are the practices saved on this device/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Begin: The double sigh' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The double sigh');
  await page.getByRole('button', { name: 'Begin', exact: true }).click();
  await expect(words(page)).toHaveText(/Breathe in|A little more in|Breathe out/);
  await page.getByRole('button', { name: 'End now' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /You stopped|You made it/ })).toBeVisible();
  await page.context().setOffline(false);
});
