// The addresses of the booking screens. The booking flow keeps where it is in the query
// (/sessions/book?type=…&tz=…&at=…&step=…), so each step is its own history entry (the
// browser's Back goes one step back) and a reload lands on the same step. Pure functions.

export const sessionsPath = '/sessions';
export const bookPath = '/sessions/book';

export const bookSteps = ['type', 'time', 'where', 'questions', 'review'] as const;
export type BookStep = (typeof bookSteps)[number];

export interface BookState {
  /** The session type's id. */
  type?: string | undefined;
  /** The zone times are shown in. */
  tz?: string | undefined;
  /** The chosen slot's start (RFC 3339 UTC). */
  at?: string | undefined;
}

export function isBookStep(value: unknown): value is BookStep {
  return (bookSteps as readonly unknown[]).includes(value);
}

/** The step the query names: the type step without a type, the time step without a step. */
export function stepFromQuery(query: Record<string, string | undefined>): BookStep {
  if (!query.type) return 'type';
  return isBookStep(query.step) && query.step !== 'type' ? query.step : 'time';
}

export function bookStepPath(step: BookStep, state: BookState): string {
  const params = new URLSearchParams();
  if (step !== 'type' && state.type) params.set('type', state.type);
  if (state.tz) params.set('tz', state.tz);
  if (step !== 'type' && state.at) params.set('at', state.at);
  if (step !== 'type' && step !== 'time') params.set('step', step);
  const query = params.toString();
  return query ? `${bookPath}?${query}` : bookPath;
}

export type BookingNotice = 'booked' | 'moved';

/** One session's page; `notice` says what just happened there. */
export function bookingPath(id: string, notice?: BookingNotice | 'cancel'): string {
  const path = `${sessionsPath}/${encodeURIComponent(id)}`;
  return notice ? `${path}?${notice === 'cancel' ? 'cancel=1' : `${notice}=1`}` : path;
}

/** Moving a session: choosing the time (`at`, in `tz`), then confirming it (`confirm`). */
export function reschedulePath(id: string, at?: string, tz?: string, confirm = false): string {
  const params = new URLSearchParams();
  if (tz) params.set('tz', tz);
  if (at) params.set('at', at);
  if (at && confirm) params.set('confirm', '1');
  const query = params.toString();
  return `${sessionsPath}/${encodeURIComponent(id)}/reschedule${query ? `?${query}` : ''}`;
}
