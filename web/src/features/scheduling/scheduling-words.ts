// The words of the booking screens that more than one screen says: a session's state, the
// cancellation policy in plain terms, and why a session cannot be changed here. Our own words,
// kind and specific; the practitioner's own (her policy text, her message for people she cannot
// serve) are shown beside them, never in their place.
import type { Booking, BookingStatus, CancellationPolicy } from '../../api/scheduling';

export const statusWords: Record<BookingStatus, string> = {
  confirmed: 'Booked',
  cancelled: 'Cancelled',
  attended: 'Attended',
  no_show: 'Missed',
};

/** "48 hours", "1 hour". */
export function hoursWords(hours: number): string {
  return hours === 1 ? '1 hour' : `${hours} hours`;
}

/** The policy's rule in plain words (her own text is shown beside it). */
export function policyWords(policy: CancellationPolicy): string {
  if (policy.late_window_hours <= 0) return 'You can cancel or move a session here at any time before it starts.';
  const window = hoursWords(policy.late_window_hours);
  return policy.late_action === 'refuse'
    ? `You can cancel or move a session here until ${window} before it starts. After that, please contact your therapist directly.`
    : `You can cancel or move a session here at any time before it starts. Within ${window} of the start, cancelling counts as a late cancellation.`;
}

/** Whether the session starts within the policy's late window from `now` (for wording only: the server decides). */
export function insideLateWindow(booking: Pick<Booking, 'start'>, policy: CancellationPolicy, now = Date.now()): boolean {
  return Date.parse(booking.start) - now < policy.late_window_hours * 3_600_000;
}

/** Why a booked session cannot be cancelled or moved here, and what to do instead. */
export function refusedWords(booking: Booking, policy: CancellationPolicy | undefined, now = Date.now()): string {
  if (Date.parse(booking.start) <= now) return 'This session has already begun, so it can’t be changed here.';
  const window = policy ? hoursWords(policy.late_window_hours) : undefined;
  const why = window
    ? `It’s now less than ${window} until this session, so it can’t be cancelled or moved here.`
    : 'This session can no longer be cancelled or moved here.';
  return `${why} If something has come up, please contact your therapist directly: they will understand, and you can work it out together.`;
}
