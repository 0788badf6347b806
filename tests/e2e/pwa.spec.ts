// The installable, offline-capable shell: manifest, service worker, and what the worker must
// never do (answer or cache anything of the server's own: API, health, metrics, calendars).
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { desktop } from './support/viewports';

// Every test here is about the service worker.
test.use({ serviceWorkers: 'allow' });

const serverOnlyPaths = ['/api/v1/e2e-probe', '/healthz', '/readyz', '/metrics', '/calendar/e2e-probe'];

/** Loads the app and waits until its service worker is active and controls the page. */
async function openControlledPage(openPage: (o?: object) => Promise<Page>): Promise<Page> {
  const page = await openPage(desktop);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const scriptPath = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return new URL(registration.active?.scriptURL ?? '', location.href).pathname;
  });
  expect(scriptPath).toBe('/sw.js');
  // clientsClaim: the page that registered the worker is taken over without a reload.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return page;
}

test('the web manifest is served, linked and complete', async ({ openPage, request }) => {
  const page = await openPage(desktop);
  await page.goto('/');
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');

  const response = await request.get('/manifest.webmanifest');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^application\/manifest\+json/);
  const manifest = (await response.json()) as {
    name: string;
    start_url: string;
    display: string;
    theme_color: string;
    background_color: string;
    icons: { src: string; type: string; sizes: string; purpose: string }[];
  };
  expect(manifest.name).toBe('Secure Base');
  expect(manifest.start_url).toBe('/');
  expect(manifest.display).toBe('standalone');
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
  expect(manifest.icons.some((icon) => icon.sizes === '512x512')).toBe(true);

  for (const icon of manifest.icons) {
    const iconResponse = await request.get(icon.src);
    expect(iconResponse.status(), icon.src).toBe(200);
    expect(iconResponse.headers()['content-type'], icon.src).toContain(icon.type);
  }
});

test('the service worker registers and takes control', async ({ openPage }) => {
  const page = await openControlledPage(openPage);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(new URL(scope).pathname).toBe('/');
});

test('the worker serves the app shell for app pages, and works offline', async ({ openPage }) => {
  const page = await openControlledPage(openPage);

  const response = await page.goto('/journal');
  expect(response?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Journal');

  await page.context().setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Journal');
  await page.goto('/sessions');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sessions');
});

test('the worker never answers or caches the server’s own paths', async ({ openPage }) => {
  const page = await openControlledPage(openPage);

  for (const path of serverOnlyPaths) {
    // Only who answered matters, not what: the server may answer with an empty 4xx, which
    // Chromium turns into an error page and page.goto into an exception.
    const [response] = await Promise.all([
      page.waitForResponse(
        (r) => new URL(r.url()).pathname === path && r.request().isNavigationRequest(),
      ),
      page.goto(path).catch(() => null),
    ]);
    expect(response.fromServiceWorker(), `navigation to ${path}`).toBe(false);
  }

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const cached = await page.evaluate(async (paths) => {
    // Also request them the way the app will, with fetch.
    await Promise.all(paths.map((path) => fetch(path).catch(() => undefined)));
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
    }
    return urls;
  }, serverOnlyPaths);

  expect(cached).toContain('/index.html');
  const leaked = cached.filter((path) => /^\/(api\/|healthz|readyz|metrics|calendar\/)/.test(path));
  expect(leaked).toEqual([]);
});
