// "Cancel this session?": asked before anything happens, with the cancellation policy (in plain
// words and the practitioner's own), and said plainly when cancelling now would count as late.
// Takes focus when it opens. The server decides; what it decided is told by the page after.
import { useState } from 'preact/hooks';
import type { ApiClient } from '../../api/client';
import { ApiError } from '../../api/problem';
import { cancelBooking, lateChangeRefusedType, notChangeableType, type Booking, type CancellationPolicy } from '../../api/scheduling';
import { useFocusOnMount } from '../account/use-focus-on-mount';
import { hoursWords, insideLateWindow, policyWords } from './scheduling-words';
import { whenWords } from './time-words';

interface CancelPanelProps {
  client: ApiClient;
  booking: Booking;
  policy: CancellationPolicy | undefined;
  timeZone: string;
  onCancelled: (booking: Booking) => void;
  onKeep: () => void;
  /** The server says it can no longer be changed: the page fetches it again. */
  onStale: () => void;
}

export function CancelPanel({ client, booking, policy, timeZone, onCancelled, onKeep, onStale }: CancelPanelProps) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState('');
  const late = policy !== undefined && policy.late_window_hours > 0 && insideLateWindow(booking, policy);

  async function cancel() {
    setSending(true);
    setProblem('');
    try {
      onCancelled(await cancelBooking(booking.id, client));
    } catch (error) {
      setSending(false);
      if (error instanceof ApiError && (error.type === lateChangeRefusedType || error.type === notChangeableType)) {
        onStale();
      } else if (error instanceof ApiError && error.status === 0) {
        setProblem('We couldn’t reach Secure Base, so the session is not cancelled yet. Please check your connection and try again.');
      } else {
        setProblem('We couldn’t cancel the session just now, so it is still booked. Please try again in a moment.');
      }
    }
  }

  return (
    <section class="form-panel sched-cancel" aria-labelledby="sched-cancel-heading">
      <h2 id="sched-cancel-heading" tabIndex={-1} ref={heading}>
        Cancel this session?
      </h2>
      <p>
        Your session on {whenWords(booking.start, timeZone)} will be cancelled, and we’ll let your therapist know. You can
        book another time whenever you’re ready.
      </p>
      {late && policy ? (
        <p class="sched-late">
          <strong>It’s less than {hoursWords(policy.late_window_hours)} until this session,</strong> so cancelling now counts
          as a late cancellation.
        </p>
      ) : policy ? (
        <p>{policyWords(policy)}</p>
      ) : null}
      {policy?.text ? (
        <>
          <p class="sched-quote-intro">Your therapist’s cancellation policy:</p>
          <blockquote class="sched-quote">{policy.text}</blockquote>
        </>
      ) : null}
      {problem ? (
        <p role="alert" class="form-error">
          {problem}
        </p>
      ) : null}
      <p class="sched-actions">
        <button type="button" class="action-button" disabled={sending} onClick={() => void cancel()}>
          {sending ? 'Cancelling…' : 'Yes, cancel this session'}
        </button>
        <button type="button" class="form-secondary" disabled={sending} onClick={onKeep}>
          No, keep it
        </button>
      </p>
    </section>
  );
}
