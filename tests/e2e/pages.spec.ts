// Every page loads, has exactly one h1 and its own title, and passes axe (WCAG 2.2 AA rules),
// on a phone and a wide screen, in light and dark mode: the home page in all four combinations
// (the shell around every page), the others on a light phone and a dark wide screen.
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { pages } from './support/pages';
import { desktop, mobile, pairedVariants, variants } from './support/viewports';


for (const variant of variants) {
  test.describe(variant.name, () => {
    for (const target of pages) {
      if (target.path !== '/' && !pairedVariants.includes(variant)) continue;
      test(`${target.path} loads with its heading and title, and passes axe`, async ({ openPage }) => {
        const page = await openPage(variant.options);
        const response = await page.goto(target.path);
        expect(response?.ok(), `status of ${target.path}`).toBe(true);

        await expect(page.locator('html')).toHaveAttribute('lang', 'en');
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.heading);
        await expect(page.locator('h1')).toHaveCount(1);
        await expect(page).toHaveTitle(target.title);

        await expectNoAxeViolations(page);
      });
    }
  });
}

test('the dark scheme is really applied when asked for', async ({ openPage }) => {
  const light = await openPage({ ...desktop, colorScheme: 'light' });
  const dark = await openPage({ ...desktop, colorScheme: 'dark' });
  await light.goto('/');
  await dark.goto('/');
  const background = (page: typeof light) =>
    page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await background(light)).toBe('rgb(246, 243, 238)');
  expect(await background(dark)).toBe('rgb(18, 26, 26)');
});
