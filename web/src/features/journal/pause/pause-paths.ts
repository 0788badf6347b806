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
