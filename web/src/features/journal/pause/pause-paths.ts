// The addresses of "pause before reacting": the start, one entry's flow (resumed from a practice
// or a reload), and its last step. Pure functions.

export const pausePath = '/journal/pause';

/** Step 2 of the flow for the draft `id` (its first step is done once the draft exists). */
export function pauseEntryPath(id: string): string {
  return `${pausePath}/${encodeURIComponent(id)}`;
}

/** Step 3 of the flow for the draft `id`. */
export function pauseFinishPath(id: string): string {
  return `${pauseEntryPath(id)}?step=finish`;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` can be an entry's id (a UUID). */
export function isEntryId(value: string | undefined): value is string {
  return typeof value === 'string' && uuid.test(value);
}

/** The entry's own page in the journal, once saved. */
export function entryPath(id: string): string {
  return `/journal/${encodeURIComponent(id)}`;
}
