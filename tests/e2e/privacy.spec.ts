// The privacy page makes promises about today; this holds the app to them in a real browser:
// after visiting every page and using "Need help now" while signed out, the only cookie is the
// random `csrf` value (no session, nothing identifying), nothing is in localStorage, only the
// chosen country is in sessionStorage, and nothing was fetched from another site. (The server's side, logs by route pattern only, is checked by its own tests.)
import { expect, test } from './support/fixtures';
import { pages } from './support/pages';
import { mobile } from './support/viewports';

test('what /privacy says is true when signed out: only the csrf cookie, no localStorage, nothing from elsewhere', async ({
  openPage,
  baseURL,
}) => {
  const page = await openPage({ ...mobile, timezoneId: 'Europe/London', locale: 'en-GB' });
  const origin = new URL(baseURL ?? 'http://127.0.0.1:8080').origin;
  const requested: string[] = [];
  page.context().on('request', (request) => requested.push(request.url()));

  for (const target of pages) {
    await page.goto(target.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.heading);
  }

  // The page's own button opens "Need help now"; choosing a country is the one thing kept.
  await page.goto('/privacy');
  await page.getByRole('button', { name: 'See emergency numbers and support lines' }).click();
  const dialog = page.getByRole('dialog', { name: 'Need help now' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Your country' }).selectOption('US');
  await expect(dialog.getByRole('link', { name: 'If you are in danger now, call 911' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  const cookies = await page.context().cookies();
  expect(cookies.map((c) => c.name)).toEqual(['csrf']);
  expect(cookies[0]).toMatchObject({ httpOnly: false, sameSite: 'Strict', path: '/' });
  expect(cookies[0]!.value).toMatch(/^[0-9a-f]{64}$/);
  const storage = await page.evaluate(() => ({
    local: localStorage.length,
    session: Object.keys(sessionStorage),
    cookie: document.cookie,
  }));
  expect(storage).toEqual({ local: 0, session: ['securebase.help.country'], cookie: `csrf=${cookies[0]!.value}` });

  expect(requested.length).toBeGreaterThan(0);
  const elsewhere = requested.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin);
  expect(elsewhere).toEqual([]);
});
