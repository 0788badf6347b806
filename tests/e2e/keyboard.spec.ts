// The app can be used from the keyboard alone: a skip link first, every navigation link
// reachable with Tab and visibly focused, Enter follows a link.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { desktop, mobile } from './support/viewports';

const navPaths = ['/', '/course', '/practices', '/journal', '/progress', '/sessions'];

/** Presses Tab until `done` says stop (at most `limit` times), recording what got focus. */
async function tabUntil(page: Page, done: (href: string | null) => boolean, limit = 40) {
  const visited: (string | null)[] = [];
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const href = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? null);
    visited.push(href);
    if (done(href)) return visited;
  }
  throw new Error(`never reached the target; focus went through ${JSON.stringify(visited)}`);
}

for (const [name, viewport] of [
  ['mobile', mobile],
  ['desktop', desktop],
] as const) {
  test.describe(name, () => {
    test('Tab reaches the skip link first, and it moves focus to the content', async ({ openPage }) => {
      const page = await openPage(viewport);
      await page.goto('/course');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Course');

      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Skip to content' });
      await expect(skip).toBeFocused();
      await expect(skip).toBeInViewport();

      await page.keyboard.press('Enter');
      await expect(page.locator('main#main')).toBeFocused();
      await expect(skip).not.toBeInViewport();
    });

    test('every navigation link is reachable by Tab, with a visible focus ring', async ({ openPage }) => {
      const page = await openPage(viewport);
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

      const seen = new Set<string>();
      await tabUntil(page, (href) => {
        if (href && navPaths.includes(href)) seen.add(href);
        return seen.size === navPaths.length;
      });
      expect([...seen].sort()).toEqual([...navPaths].sort());

      // The last one reached still has focus: check its ring is really drawn.
      const ring = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement as Element);
        return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      });
      expect(ring.style).not.toBe('none');
      expect(ring.width).toBeGreaterThanOrEqual(2);
    });

    test('Enter on a navigation link opens that page and focuses its heading', async ({ openPage }) => {
      const page = await openPage(viewport);
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

      await tabUntil(page, (href) => href === '/practices');
      await page.keyboard.press('Enter');

      await expect(page).toHaveURL(/\/practices$/);
      const heading = page.getByRole('heading', { level: 1 });
      await expect(heading).toHaveText('Practices');
      await expect(heading).toBeFocused();
      await expect(page).toHaveTitle('Practices · Secure Base');
      await expect(page.getByRole('link', { name: 'Practices' })).toHaveAttribute('aria-current', 'page');
    });
  });
}

test('"Need help now?" opens the help panel with focus on its heading', async ({ openPage }) => {
  const page = await openPage(mobile);
  await page.goto('/journal');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Journal');

  await page.getByRole('button', { name: 'Need help now?' }).click();

  const heading = page.getByRole('dialog', { name: 'Need help now' }).getByRole('heading', { level: 2 });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  await expect(page).toHaveURL(/\/journal$/);
});

test('a link to /about#urgent-help still lands on that section with focus on it', async ({ openPage }) => {
  const page = await openPage(mobile);
  await page.goto('/about#urgent-help');
  const section = page.getByRole('heading', { level: 2, name: 'If you need help now' });
  await expect(section).toBeFocused();
  await expect(section).toBeInViewport();
});
