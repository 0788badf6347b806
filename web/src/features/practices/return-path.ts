// Where a practice opened from another flow sends the learner back to: the `return` query
// parameter of /practices/:id. Only the "pause before reacting" flow uses it, so only its own
// paths are accepted (/journal/pause/<entry id>), checked as they are, character by character:
// anything else, including another site, a protocol-relative "//host" or an encoded trick, is
// ignored, so a crafted link can never use the practice page to send someone elsewhere.

const pausePath = /^\/journal\/pause\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `value` when it is the path of a pause-before-reacting entry, otherwise undefined. */
export function safeReturnPath(value: string | undefined | null): string | undefined {
  return typeof value === 'string' && pausePath.test(value) ? value : undefined;
}

/** The way back once the practice is done, saying which practice it was. */
export function practisedPath(returnTo: string, practiceId: string): string {
  return `${returnTo}?practised=${encodeURIComponent(practiceId)}`;
}

/** A practice page that sends the learner back to `returnTo` when done (itself checked). */
export function practiceWithReturn(practiceId: string, returnTo: string, minutes?: number): string {
  const query = new URLSearchParams({ return: returnTo });
  if (minutes !== undefined) query.set('minutes', String(minutes));
  return `/practices/${encodeURIComponent(practiceId)}?${query.toString()}`;
}
