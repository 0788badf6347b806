// /sessions/:id: one session, in this device's time zone: when (and when it is for the
// therapist, if her clock differs), what, how to join, and ways to move or cancel it (or why not,
// kindly, and what to do instead). ?booked=1 is the end of booking ("You're booked", with the
// calendar invitation mentioned), ?moved=1 the end of moving it, ?cancel=1 opens "Cancel this
// session?" (its own history entry, so Back closes it).
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { ApiClient } from '../../api/client';
import { ApiError } from '../../api/problem';
import { getBooking, listSessionTypes, type Booking, type SessionTypesAnswer } from '../../api/scheduling';
import { Page } from '../../components/page';
import { useLoad } from '../../components/use-load';
import { useSession } from '../account/session';
import { useFocusOnMount } from '../account/use-focus-on-mount';
import { browserTimeZone } from '../account/time-zones';
import { LoadProblem } from '../course/load-problem';
import { WithLearner } from '../journal/use-learner';
import { ShareOffer } from '../sharing/share-offer';
import { CancelPanel } from './cancel-panel';
import { JoinLink } from './join-link';
import { isUpcoming } from './session-list';
import { bookingPath, bookPath, reschedulePath, sessionsPath } from './scheduling-paths';
import { hoursWords, refusedWords, statusWords } from './scheduling-words';
import { durationWords, spanWords, theirTime, whenWords, zoneCity } from './time-words';
import '../../components/form.css';
import './scheduling.css';

export function BookingPage({ id = '' }: { id?: string }) {
  const { query } = useLocation();
  const booked = query.booked === '1';
  return (
    <Page heading={booked ? 'You’re booked' : 'Your session'}>
      <WithLearner>{(me) => <BookingDetail key={`${me.id}|${id}`} id={id} />}</WithLearner>
    </Page>
  );
}

interface Loaded {
  booking: Booking;
  types: SessionTypesAnswer | undefined;
}

async function load(client: ApiClient, id: string, signal: AbortSignal): Promise<Loaded> {
  const [booking, types] = await Promise.all([
    getBooking(id, client, { signal }),
    // The policy's words only: the session shows without them.
    listSessionTypes(client, { signal }).catch(() => undefined),
  ]);
  return { booking, types };
}

function BookingDetail({ id }: { id: string }) {
  const { client } = useSession();
  const { query, route } = useLocation();
  const [loaded, retry] = useLoad((signal) => load(client, id, signal), [client, id]);
  const [changed, setChanged] = useState<Booking | undefined>(undefined);
  const [stale, setStale] = useState(false);
  const timeZone = browserTimeZone();

  if (loaded.status === 'loading') {
    return (
      <p role="status" class="form-muted">
        Opening your session…
      </p>
    );
  }
  if (loaded.status === 'error') {
    if (loaded.error instanceof ApiError && loaded.error.status === 404) {
      return (
        <div class="form-panel">
          <p>We couldn’t find this session. It may be someone else’s, or the address may have been copied only in part.</p>
          <p>
            <a href={sessionsPath}>See all your sessions</a>
          </p>
        </div>
      );
    }
    return <LoadProblem error={loaded.error} retry={retry} what="your session" />;
  }
  const booking = changed ?? loaded.value.booking;
  const policy = loaded.value.types?.practice.cancellation;
  const practitionerZone = loaded.value.types?.practice.time_zone;
  const hers = theirTime(booking.start, timeZone, practitionerZone);
  const asking = query.cancel === '1' && booking.can_change && booking.status === 'confirmed' && !changed;
  const upcoming = isUpcoming(booking);

  return (
    <div class="sched-detail">
      {query.booked === '1' && !changed ? (
        <div class="form-note" role="status">
          <p>
            Your session is booked for <strong>{whenWords(booking.start, timeZone)}</strong>, {zoneCity(timeZone)} time.
          </p>
          <p>
            We’ve emailed you a confirmation with a calendar invitation: open it to add the session to your calendar. Your
            therapist has been told too.
          </p>
        </div>
      ) : null}
      {query.moved === '1' && !changed ? (
        <p class="form-note" role="status">
          Your session has moved to <strong>{whenWords(booking.start, timeZone)}</strong>. We’ve emailed you the updated
          invitation, and your therapist has been told.
        </p>
      ) : null}
      {changed ? (
        <Notice>
          <p>
            Your session on {whenWords(booking.start, timeZone)} is cancelled.
            {booking.late_cancel && policy
              ? ` As it was less than ${hoursWords(policy.late_window_hours)} before the start, it counts as a late cancellation under your therapist’s policy.`
              : ''}{' '}
            We’ve emailed you to confirm, and let your therapist know.
          </p>
          <p>
            <a href={bookPath}>Book another time</a> whenever you’re ready.
          </p>
        </Notice>
      ) : null}
      {stale ? (
        <Notice>
          <p>This session can no longer be cancelled here, so nothing has changed.</p>
        </Notice>
      ) : null}

      <dl class="sched-facts">
        <div>
          <dt>When</dt>
          <dd>
            {spanWords(booking.start, booking.end, timeZone)} ({zoneCity(timeZone)} time)
            {hers ? <span class="sched-review-more">That’s {hers} for your therapist.</span> : null}
          </dd>
        </div>
        <div>
          <dt>Session</dt>
          <dd>
            {booking.session_type.name} · {durationWords(booking.session_type.duration_minutes)}
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            {statusWords[booking.status]}
            {booking.late_cancel ? ' (late cancellation)' : ''}
          </dd>
        </div>
      </dl>

      <JoinLink booking={booking} timeZone={timeZone} />

      {asking ? (
        <CancelPanel
          client={client}
          booking={booking}
          policy={policy}
          timeZone={timeZone}
          onCancelled={(cancelled) => {
            setChanged(cancelled);
            route(bookingPath(booking.id), true);
          }}
          onKeep={() => route(bookingPath(booking.id), true)}
          onStale={() => {
            setStale(true);
            route(bookingPath(booking.id), true);
            retry();
          }}
        />
      ) : upcoming && booking.can_change ? (
        <p class="sched-actions">
          <a class="form-secondary sched-link-button" href={reschedulePath(booking.id)}>
            Move to another time
          </a>
          <a class="form-secondary sched-link-button" href={bookingPath(booking.id, 'cancel')}>
            Cancel this session
          </a>
        </p>
      ) : upcoming ? (
        <p class="form-hint sched-card-refused">{refusedWords(booking, policy)}</p>
      ) : null}

      {/* Sharing is offered here, never required (issue #10): the booking is already made. */}
      {query.booked === '1' && !changed ? <ShareOffer /> : null}
      <p class="sched-back">
        <a href={sessionsPath}>All your sessions</a>
      </p>
    </div>
  );
}

/** News of what just happened here, which takes focus (the panel that led to it has gone). */
function Notice({ children }: { children: ComponentChildren }) {
  const box = useFocusOnMount<HTMLDivElement>();
  return (
    <div class="form-note" role="status" tabIndex={-1} ref={box}>
      {children}
    </div>
  );
}
