// Where to go after logging in: the `next` query parameter, limited to paths on this site, so a
// crafted link cannot send someone elsewhere after they type their password. Pages of the
// log-in flow itself are not destinations (they would loop); anything refused means home.

const loginFlow = new Set(['/login', '/login/code', '/signup', '/forgot-password', '/reset-password']);

/** A same-site path with its query and hash, or undefined when `value` is not one. */
export function safeNextPath(value: string | undefined | null): string | undefined {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  // Control characters and backslashes can make a browser read a path as another host.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value, 'https://securebase.invalid');
  } catch {
    return undefined;
  }
  if (url.origin !== 'https://securebase.invalid') return undefined;
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (loginFlow.has(path)) return undefined;
  return url.pathname + url.search + url.hash;
}

/** `path` with `?next=` set to `next` when that is a safe destination. */
export function withNext(path: string, next: string | undefined | null): string {
  const safe = safeNextPath(next);
  return safe && safe !== '/' ? `${path}?next=${encodeURIComponent(safe)}` : path;
}

/** The current location as a `next` value. */
export function currentPath(): string {
  return location.pathname + location.search;
}
