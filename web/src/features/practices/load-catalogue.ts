// Loads the practice catalogue: from the server when it answers (and keeps a copy), from the copy
// kept on this device when the network fails. Any other failure (the server answered with an
// error) is passed on, so the screen can say what went wrong.
import type { ApiClient } from '../../api/client';
import { listPractices, type Practice } from '../../api/practices';
import { ApiError } from '../../api/problem';
import { keepCatalogue, keptCatalogue } from './catalogue-cache';

export interface Catalogue {
  practices: Practice[];
  /** True when shown from the copy on this device because the server could not be reached. */
  offline: boolean;
}

export async function loadCatalogue(client: ApiClient, signal?: AbortSignal): Promise<Catalogue> {
  try {
    const practices = await listPractices(client, { signal });
    await keepCatalogue(practices);
    return { practices, offline: false };
  } catch (error) {
    const kept = error instanceof ApiError && error.status === 0 ? await keptCatalogue() : undefined;
    if (kept) return { practices: kept, offline: true };
    throw error;
  }
}
