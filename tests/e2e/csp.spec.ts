// The production Content-Security-Policy allows no inline script or style. These tests hold the
// app to it: if the server under test does not send the policy (e.g. `vite preview`), it is
// added to every response here, so a violation shows up either way.
import { expect, test } from './support/fixtures';
import { pages } from './support/pages';
import { desktop } from './support/viewports';
import { collectProblems } from './support/console';

const strictCsp =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; " +
  "object-src 'none'; manifest-src 'self'; worker-src 'self'";

test('the built index.html has no inline script or style', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attributes, body] of scripts) {
    expect(attributes).toMatch(/\bsrc=/);
    expect(body?.trim()).toBe('');
  }
  expect(html).not.toMatch(/<style\b/i);
  expect(html).not.toMatch(/\sstyle=/i);
  expect(html).not.toMatch(/\son[a-z]+=/i);
});

test('every page renders under the strict CSP without a single violation', async ({ openPage }) => {
  const page = await openPage({ ...desktop, serviceWorkers: 'block' });
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    const headers = response.headers();
    headers['content-security-policy'] ??= strictCsp;
    await route.fulfill({ response, headers });
  });

  const problems = collectProblems(page);

  for (const target of pages) {
    await page.goto(target.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.heading);
    // Preact sets no style attributes either (those would need 'unsafe-inline').
    await expect(page.locator('[style]')).toHaveCount(0);
  }
  expect(problems).toEqual([]);
});
