// Double-submit CSRF: the server sets a readable `csrf` cookie; state-changing requests echo
// it in the X-CSRF-Token header. In a browser the cookie is read from document.cookie; in node
// (API tests) the caller injects a function instead.

export const csrfCookieName = 'csrf';
export const csrfHeaderName = 'X-CSRF-Token';

/** The value of one cookie in a Cookie-style string ("a=1; b=2"), or undefined. */
export function readCookie(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}

/** The browser's csrf cookie. Looked up on each call, never at import: node has no document. */
export function csrfTokenFromDocument(): string | undefined {
  const doc = (globalThis as { document?: { cookie?: unknown } }).document;
  return typeof doc?.cookie === 'string' ? readCookie(doc.cookie, csrfCookieName) : undefined;
}
