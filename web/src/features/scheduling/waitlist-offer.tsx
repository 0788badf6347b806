// When nothing is free: the waiting list, explained (an email when a time opens up, nobody booked
// without choosing), one button to join, and what happened. If times opened up meanwhile
// (409 slots-available), the picker is asked to look again.
import { useState } from 'preact/hooks';
import type { ApiClient } from '../../api/client';
import { ApiError } from '../../api/problem';
import { alreadyWaitingType, joinWaitlist, slotsAvailableType, type SessionType } from '../../api/scheduling';

interface WaitlistOfferProps {
  client: ApiClient;
  sessionType: SessionType;
  /** Times turned out to be free after all: look again. */
  onSlotsAvailable: () => void;
}

type State = 'offer' | 'joining' | 'joined' | 'already' | { failed: string };

export function WaitlistOffer({ client, sessionType, onSlotsAvailable }: WaitlistOfferProps) {
  const [state, setState] = useState<State>('offer');

  async function join() {
    setState('joining');
    try {
      await joinWaitlist(sessionType.id, client);
      setState('joined');
    } catch (error) {
      if (error instanceof ApiError && error.type === slotsAvailableType) onSlotsAvailable();
      else if (error instanceof ApiError && error.type === alreadyWaitingType) setState('already');
      else
        setState({
          failed:
            error instanceof ApiError && error.status === 0
              ? 'We couldn’t reach Secure Base just now. Please check your connection and try again.'
              : 'We couldn’t add you to the waiting list just now. Please try again in a moment.',
        });
    }
  }

  if (state === 'joined' || state === 'already') {
    return (
      <div class="form-note" role="status">
        <h3>{state === 'joined' ? 'You’re on the waiting list' : 'You’re already on the waiting list'}</h3>
        <p>
          We’ll email you as soon as a time opens up for {sessionType.name.toLowerCase()}, and you can choose one then. You
          can leave the list at any time from <a href="/sessions">your sessions</a>.
        </p>
      </div>
    );
  }
  return (
    <div class="form-panel sched-waitlist">
      <h3>Join the waiting list?</h3>
      <p>
        When a time opens up, because someone cancels or your therapist adds hours, we’ll email you with a link to book
        it. Nobody is booked without choosing: you pick the time yourself, if it suits you.
      </p>
      {typeof state === 'object' ? (
        <p role="alert" class="form-error">
          {state.failed}
        </p>
      ) : null}
      <p class="sched-actions">
        <button type="button" class="action-button" disabled={state === 'joining'} onClick={() => void join()}>
          {state === 'joining' ? 'Adding you…' : 'Join the waiting list'}
        </button>
        <a href="/sessions">Back to your sessions</a>
      </p>
    </div>
  );
}
