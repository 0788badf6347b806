// The practice catalogue kept on this device, so practices can be opened offline (on a train,
// in a lift, wherever a hard moment comes). The catalogue is the same for everyone and holds
// nothing personal, so it is kept across log-outs.
//
// Cache Storage, not the service worker: the worker never caches API answers (see
// vite.config.ts); the app keeps exactly what it chooses here, as the course does with lessons.
import type { Practice } from '../../api/practices';

const cacheName = 'securebase-practices-v1';
const key = '/offline/practices';

function storage(): CacheStorage | undefined {
  return typeof caches === 'undefined' ? undefined : caches;
}

/** Keeps the catalogue; failures (storage full, private mode) are ignored. */
export async function keepCatalogue(practices: Practice[]): Promise<void> {
  const cs = storage();
  if (!cs) return;
  try {
    const cache = await cs.open(cacheName);
    await cache.put(key, new Response(JSON.stringify({ practices }), { headers: { 'Content-Type': 'application/json' } }));
  } catch {
    // Offline use is a nicety; the catalogue is already on screen.
  }
}

/** The kept catalogue, if there is one. */
export async function keptCatalogue(): Promise<Practice[] | undefined> {
  const cs = storage();
  if (!cs) return undefined;
  try {
    const cache = await cs.open(cacheName);
    const response = await cache.match(key);
    if (!response) return undefined;
    const body = (await response.json()) as { practices?: Practice[] };
    return Array.isArray(body.practices) ? body.practices : undefined;
  } catch {
    return undefined;
  }
}
