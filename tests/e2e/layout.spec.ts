// Mobile first: a bottom tab bar on a phone, a side column on a wide screen, nothing wider
// than the screen, and the same landmarks everywhere.
import { expect, test } from './support/fixtures';
import { desktop, mobile } from './support/viewports';

test('on a phone the navigation is a tab bar along the bottom', async ({ openPage }) => {
  const page = await openPage(mobile);
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav).toBeInViewport();

  const box = await nav.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBe(0);
  expect(box!.width).toBe(390);
  expect(box!.y + box!.height).toBe(844);

  // All six tabs sit on one row, each big enough to tap comfortably.
  const tabs = nav.getByRole('link');
  await expect(tabs).toHaveCount(6);
  for (const tab of await tabs.all()) {
    const tabBox = await tab.boundingBox();
    expect(tabBox!.y).toBeGreaterThanOrEqual(box!.y);
    expect(tabBox!.height).toBeGreaterThanOrEqual(44);
    expect(tabBox!.width).toBeGreaterThanOrEqual(44);
  }
});

test('on a phone the page scrolls clear of the tab bar and never sideways', async ({ openPage }) => {
  const page = await openPage(mobile);
  await page.goto('/about');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);

  // Scrolled to the end, the footer text is above the tab bar, not hidden behind it.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const footer = await page.getByRole('contentinfo').boundingBox();
  const nav = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
  expect(footer!.y + footer!.height).toBeLessThanOrEqual(nav!.y);
});

test('on a wide screen the navigation is a column on the left', async ({ openPage }) => {
  const page = await openPage(desktop);
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  const navBox = await nav.boundingBox();
  const mainBox = await page.getByRole('main').boundingBox();
  expect(navBox!.x + navBox!.width).toBeLessThanOrEqual(mainBox!.x);

  // Links are stacked top to bottom.
  const ys = [];
  for (const link of await nav.getByRole('link').all()) ys.push((await link.boundingBox())!.y);
  expect(ys).toEqual([...ys].sort((a, b) => a - b));
  expect(new Set(ys).size).toBe(6);
});

for (const [name, viewport] of [
  ['mobile', mobile],
  ['desktop', desktop],
] as const) {
  test(`${name}: one banner, navigation, main and footer`, async ({ openPage }) => {
    const page = await openPage(viewport);
    await page.goto('/course');
    await expect(page.getByRole('banner')).toHaveCount(1);
    await expect(page.getByRole('navigation')).toHaveCount(1);
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.getByRole('contentinfo')).toHaveCount(1);
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a link drawn as a button keeps its words readable under the pointer (${colorScheme})`, async ({ openPage }) => {
    const page = await openPage({ ...desktop, colorScheme });
    await page.goto('/course');
    const button = page.getByRole('main').locator('a.action-button').first();
    await button.hover();
    // Compare once the hover's colour change has finished.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    const { color, background } = await button.evaluate((el) => {
      const style = getComputedStyle(el);
      return { color: style.color, background: style.backgroundColor };
    });
    expect(color).not.toBe(background);
  });
}
