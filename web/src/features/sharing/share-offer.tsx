// After booking: an offer, never a step. "Would you like to share anything with <her> before your
// session?" with a link to the Sharing page and a "No thanks" that puts it away. The booking is
// done whatever happens here; if what is shared cannot be read, the offer simply isn't shown.
// Already sharing something: a quieter line saying where to see or change it.
import { useState } from 'preact/hooks';
import { getShares, sharesAnything } from '../../api/shares';
import { useLoad } from '../../components/use-load';
import { useSession } from '../account/session';
import { useFocusOnMount } from '../account/use-focus-on-mount';

const sharingPath = '/sharing';

export function ShareOffer() {
  const { client } = useSession();
  const [loaded] = useLoad((signal) => getShares(client, { signal }).catch(() => undefined), [client]);
  const [declined, setDeclined] = useState(false);
  if (loaded.status !== 'ready' || !loaded.value) return null;
  const { practitioners } = loaded.value;
  if (practitioners.length === 0) return null;
  const name = practitioners.length === 1 ? practitioners[0]!.practitioner.name : 'your therapist';

  if (declined) return <Declined />;
  if (practitioners.some((p) => sharesAnything(p.share))) {
    return (
      <p class="form-hint sched-share-line">
        You already share some things with {name}. <a href={sharingPath}>See or change what you share</a>
      </p>
    );
  }
  return (
    <section class="form-panel sched-share-offer" aria-labelledby="share-offer-title">
      <h2 id="share-offer-title">
        Would you like to share anything with {name} before your session?
      </h2>
      <p>
        If you like, {name} can see your check-in results, a summary of your practice, your course progress, or journal
        entries you pick. It’s entirely up to you: your session is booked either way, and you can change or stop sharing
        at any time.
      </p>
      <p class="sched-actions">
        <a class="action-button sched-link-button" href={sharingPath}>
          Choose what to share
        </a>
        <button type="button" class="form-secondary" onClick={() => setDeclined(true)}>
          No thanks
        </button>
      </p>
    </section>
  );
}

function Declined() {
  const line = useFocusOnMount<HTMLParagraphElement>();
  return (
    <p class="form-hint sched-share-line" tabIndex={-1} ref={line}>
      Nothing is shared. If you change your mind, <a href={sharingPath}>Sharing</a> is always there.
    </p>
  );
}
