// A "browser" for the API tests: the app's own typed client over a fetch that keeps cookies
// like a browser does (the HttpOnly session cookie and the readable csrf cookie), sends them
// back, and hands the csrf cookie's value to the client for the X-CSRF-Token header.
//
// Each call to newBrowser is a separate person on a separate device.
import { randomInt } from 'node:crypto';
import { inject } from 'vitest';
import { createClient, type ApiClient } from '../../../web/src/api/client';
import { notePersonal, personalValues, secretValues } from './personal-data';

export interface Browser {
  client: ApiClient;
  cookies: Map<string, string>;
  /** Raw fetch with the cookie jar, for requests the typed client will not make. */
  fetch: (path: string, init?: RequestInit) => Promise<Response>;
}

/**
 * A new browser. Each comes from its own network address (X-Forwarded-For, which the test
 * server trusts), so that one test's failed log-ins never slow down another's.
 */
export function newBrowser(baseUrl: string = inject('baseUrl')): Browser {
  const cookies = new Map<string, string>();
  // The proxy appends the client's address last; the server reads only the last entry.
  const address = `203.0.113.7, 10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

  const jarFetch = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (!headers.has('X-Forwarded-For')) headers.set('X-Forwarded-For', address);
    if (cookies.size > 0) {
      headers.set('Cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    if (typeof init.body === 'string') notePersonal(personalValues(parseJson(init.body)));
    const response = await globalThis.fetch(url, { ...init, headers });
    if (response.headers.get('content-type')?.startsWith('application/json')) {
      notePersonal(secretValues(parseJson(await response.clone().text())));
    }
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a));
      if (expired || value === '') cookies.delete(name);
      else cookies.set(name, value);
      if (name !== 'csrf' && value !== '') notePersonal([value]);
    }
    return response;
  };

  const client = createClient({
    baseUrl,
    fetch: jarFetch,
    csrfToken: () => cookies.get('csrf'),
  });
  return { client, cookies, fetch: (path, init) => jarFetch(baseUrl + path, init) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A browser that has loaded a page already, so it holds a csrf cookie. */
export async function openBrowser(baseUrl?: string): Promise<Browser> {
  // Any API answer to a request without a csrf cookie sets one.
  const browser = newBrowser(baseUrl);
  await browser.client.get('/api/v1/crisis-lines');
  return browser;
}
