// The built web app as the server serves it: caching rules, the app
// fallback for its own routes, and never for server paths.
import { describe, expect, inject, it } from 'vitest';

const baseUrl = inject('baseUrl');

describe('serving the web app', () => {
  it('serves index.html revalidated on every visit, with a strict CSP', async () => {
    const res = await fetch(`${baseUrl}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await res.text();
    expect(html).toContain('<div id="app"');
    // No inline scripts: every script has a src.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('falls back to the app for its own routes', async () => {
    const index = await (await fetch(`${baseUrl}/`)).text();
    for (const route of ['/course', '/practices', '/journal/anything', '/sessions']) {
      const res = await fetch(`${baseUrl}${route}`);
      expect(res.status, route).toBe(200);
      expect(await res.text()).toBe(index);
    }
  });

  it('never falls back for API paths or missing files', async () => {
    for (const route of ['/api/v1/unknown', '/assets/does-not-exist.js', '/calendar/unknown.ics']) {
      const res = await fetch(`${baseUrl}${route}`);
      expect(res.status, route).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('serves hashed assets as immutable and the manifest with its media type', async () => {
    const html = await (await fetch(`${baseUrl}/`)).text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const res = await fetch(`${baseUrl}${asset}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const again = await fetch(`${baseUrl}${asset}`, { headers: { 'If-None-Match': res.headers.get('etag') ?? '' } });
    expect(again.status).toBe(304);

    const manifest = /href="([^"]+\.webmanifest)"/.exec(html)?.[1];
    expect(manifest).toBeDefined();
    const m = await fetch(new URL(manifest!, `${baseUrl}/`));
    expect(m.headers.get('content-type')).toBe('application/manifest+json');
    const sw = await fetch(`${baseUrl}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
  });
});
