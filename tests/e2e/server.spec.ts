// What the production server must do for the web app (see web/README.md): cache headers,
// content types, the history fallback, and the security policy. `vite preview` does none of
// the headers, so these are skipped when E2E_PREVIEW=1 says that is what runs.
import { expect, test } from './support/fixtures';

test.describe('production server', () => {
  test.skip(process.env.E2E_PREVIEW === '1', 'vite preview does not send production headers');

  test('index.html is never cached stale and carries the strict CSP', async ({ request }) => {
    const response = await request.get('/');
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers['content-type']).toMatch(/^text\/html/);
    expect(headers['cache-control']).toContain('no-cache');
    const csp = headers['content-security-policy'] ?? '';
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
      "worker-src 'self'",
      "manifest-src 'self'",
    ]) {
      expect(csp, 'Content-Security-Policy').toContain(directive);
    }
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });

  test('sw.js is never cached stale', async ({ request }) => {
    const response = await request.get('/sw.js');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/javascript/);
    expect(response.headers()['cache-control']).toContain('no-cache');
  });

  test('hashed assets are cached for good', async ({ request }) => {
    const html = await (await request.get('/')).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      const response = await request.get(asset);
      expect(response.status(), asset).toBe(200);
      expect(response.headers()['cache-control'], asset).toContain('immutable');
    }
  });

  test('unknown API paths get a problem, not the app', async ({ request }) => {
    const response = await request.get('/api/v1/e2e-no-such-route');
    expect(response.status()).toBe(404);
    expect(response.headers()['content-type']).toMatch(/^application\/problem\+json/);
  });

  test('a missing file with an extension is a 404, not the app', async ({ request }) => {
    const response = await request.get('/assets/e2e-missing.js');
    expect(response.status()).toBe(404);
    expect(response.headers()['content-type'] ?? '').not.toMatch(/text\/html/);
  });
});

test('app paths without an extension fall back to the app', async ({ request }) => {
  for (const path of ['/course', '/sessions', '/no-such-page', '/course/some-lesson']) {
    const response = await request.get(path, { headers: { Accept: 'text/html' } });
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-type'], path).toMatch(/^text\/html/);
    expect(await response.text(), path).toContain('<div id="app">');
  }
});
