// /sessions/:id/reschedule: moving a session to another time. Step 1 is the same slot picker as
// booking (?tz= the zone, ?at= the time chosen); step 2 (?confirm=1, its own history entry) shows
// from when to when, the policy, and "Move it". A time taken meanwhile is said kindly with the
// fresh times right there. Moved: back to the session's page, which says so.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { ApiClient } from '../../api/client';
import type { Me } from '../../api/me';
import { ApiError } from '../../api/problem';
import {
  getBooking,
  lateChangeRefusedType,
  listSessionTypes,
  notChangeableType,
  rescheduleBooking,
  slotTakenType,
  takenSlots,
  type Booking,
  type SessionType,
  type SessionTypesAnswer,
  type Slot,
} from '../../api/scheduling';
import { ErrorSummary } from '../../components/error-summary';
import { Page } from '../../components/page';
import { useLoad } from '../../components/use-load';
import { useSession } from '../account/session';
import { browserTimeZone } from '../account/time-zones';
import { LoadProblem } from '../course/load-problem';
import { WithLearner } from '../journal/use-learner';
import { bookingPath, reschedulePath, sessionsPath } from './scheduling-paths';
import { policyWords, refusedWords } from './scheduling-words';
import { SlotPicker } from './slot-picker';
import { StepFrame } from './step-frame';
import { TakenPanel } from './taken-panel';
import { theirTime, whenWords, zoneCity } from './time-words';
import '../../components/form.css';
import './scheduling.css';

export function ReschedulePage({ id = '' }: { id?: string }) {
  return (
    <Page heading="Move your session">
      <WithLearner>{(me) => <Reschedule key={`${me.id}|${id}`} me={me} id={id} />}</WithLearner>
    </Page>
  );
}

interface Loaded {
  booking: Booking;
  types: SessionTypesAnswer;
}

async function load(client: ApiClient, id: string, signal: AbortSignal): Promise<Loaded> {
  const [booking, types] = await Promise.all([getBooking(id, client, { signal }), listSessionTypes(client, { signal })]);
  return { booking, types };
}

/** The booked type as the picker needs it; an archived type is no longer listed, so its longest range stands in. */
function typeOf(booking: Booking, types: SessionTypesAnswer): SessionType {
  const listed = types.session_types.find((t) => t.id === booking.session_type.id);
  if (listed) return listed;
  return {
    id: booking.session_type.id,
    name: booking.session_type.name,
    description: '',
    duration_minutes: booking.session_type.duration_minutes,
    buffer_before_minutes: 0,
    buffer_after_minutes: 0,
    minimum_notice_minutes: 0,
    horizon_days: 93,
    slot_step_minutes: 30,
    price: '',
    new_clients: true,
    intake: [],
    bookable: true,
  };
}

function Reschedule({ me, id }: { me: Me; id: string }) {
  const { client } = useSession();
  const [loaded, retry] = useLoad((signal) => load(client, id, signal), [client, id]);
  if (loaded.status === 'loading') {
    return (
      <p role="status" class="form-muted">
        Opening your session…
      </p>
    );
  }
  if (loaded.status === 'error') return <LoadProblem error={loaded.error} retry={retry} what="your session" />;
  const { booking, types } = loaded.value;
  if (booking.status !== 'confirmed' || !booking.can_change) {
    return (
      <div class="form-panel">
        <p>
          {booking.status === 'confirmed'
            ? refusedWords(booking, types.practice.cancellation)
            : 'This session has been cancelled or has already taken place, so it can’t be moved.'}
        </p>
        <p>
          <a href={bookingPath(booking.id)}>Back to the session</a>
        </p>
      </div>
    );
  }
  return <Move me={me} booking={booking} types={types} />;
}

interface Failure {
  error: unknown;
  attempt: number;
}

function Move({ me, booking, types }: { me: Me; booking: Booking; types: SessionTypesAnswer }) {
  const { client } = useSession();
  const { query, route } = useLocation();
  const timeZone = query.tz || browserTimeZone();
  const at = query.at;
  const confirming = query.confirm === '1' && Boolean(at);
  const type = typeOf(booking, types);
  const practitionerZone = types.practice.time_zone;
  const [timeError, setTimeError] = useState<string | undefined>(undefined);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<Failure | undefined>(undefined);
  const [taken, setTaken] = useState<{ at: string; fresh: Slot[] | undefined } | undefined>(undefined);
  const path = (changes: { at?: string | undefined; tz?: string; confirm?: boolean }) =>
    reschedulePath(booking.id, 'at' in changes ? changes.at : at, changes.tz ?? query.tz, changes.confirm);

  async function move() {
    if (!at) return;
    setSending(true);
    try {
      await rescheduleBooking(booking.id, { start: at, time_zone: timeZone }, client);
      route(bookingPath(booking.id, 'moved'));
    } catch (error) {
      setSending(false);
      if (error instanceof ApiError && error.type === slotTakenType) {
        setFailure(undefined);
        setTaken({ at, fresh: takenSlots(error) });
      } else setFailure((before) => ({ error, attempt: (before?.attempt ?? 0) + 1 }));
    }
  }

  if (!confirming) {
    return (
      <StepFrame key="time" number={1} count={2} title="Choose a new time">
        <form
          class="sched-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (at) route(path({ confirm: true }));
            else {
              setTimeError('Choose the new time you’d like.');
              document.getElementById('sched-times')?.focus();
            }
          }}
        >
          <p class="sched-chosen-type">
            {booking.session_type.name}, now booked for {whenWords(booking.start, timeZone)}.
          </p>
          <SlotPicker
            client={client}
            sessionType={type}
            timeZone={timeZone}
            profileZone={me.time_zone}
            chosen={at}
            onZone={(zone) => route(path({ tz: zone }), true)}
            onChoose={(slot) => {
              setTimeError(undefined);
              route(path({ at: slot.start }), true);
            }}
            error={timeError}
            nothingFree={
              <p>
                Your session stays booked as it is. <a href={bookingPath(booking.id)}>Back to the session</a>
              </p>
            }
          />
          <button type="submit" class="action-button form-submit">
            Continue
          </button>
        </form>
      </StepFrame>
    );
  }

  const hers = theirTime(at!, timeZone, practitionerZone);
  return (
    <StepFrame key="confirm" number={2} count={2} title="Check and confirm">
      <dl class="sched-review">
        <div class="sched-review-row">
          <dt>From</dt>
          <dd>
            <div class="sched-review-value">{whenWords(booking.start, timeZone)}</div>
          </dd>
        </div>
        <div class="sched-review-row">
          <dt>To</dt>
          <dd>
            <div class="sched-review-value">
              {whenWords(at!, timeZone)} ({zoneCity(timeZone)} time)
              {hers ? <span class="sched-review-more">That’s {hers} for your therapist.</span> : null}
            </div>
            <a class="sched-review-change" href={path({})} aria-label="Change the new time">
              Change
            </a>
          </dd>
        </div>
      </dl>
      <p>{policyWords(types.practice.cancellation)}</p>
      {taken && taken.at === at ? (
        <TakenPanel
          client={client}
          sessionType={type.id}
          taken={at!}
          timeZone={timeZone}
          practitionerZone={practitionerZone}
          fresh={taken.fresh}
          otherTimesHref={path({ at: undefined })}
          kept="Your session is still booked at its old time: pick another, then confirm again."
          onChoose={(slot) => {
            setTaken(undefined);
            route(path({ at: slot.start, confirm: true }), true);
          }}
        />
      ) : failure ? (
        <MoveProblem failure={failure} booking={booking} types={types} />
      ) : null}
      <p class="sched-actions">
        <button type="button" class="action-button" disabled={sending} onClick={() => void move()}>
          {sending ? 'Moving your session…' : 'Move my session'}
        </button>
        <a href={bookingPath(booking.id)}>Keep it as it is</a>
      </p>
    </StepFrame>
  );
}

function MoveProblem({ failure, booking, types }: { failure: Failure; booking: Booking; types: SessionTypesAnswer }) {
  const { error, attempt } = failure;
  if (error instanceof ApiError && (error.type === lateChangeRefusedType || error.type === notChangeableType)) {
    return (
      <ErrorSummary title="This session can’t be moved here now" attempt={attempt}>
        <p>{refusedWords({ ...booking, can_change: false }, types.practice.cancellation)}</p>
        <p>
          <a href={sessionsPath}>Back to your sessions</a>
        </p>
      </ErrorSummary>
    );
  }
  const unreachable = error instanceof ApiError && error.status === 0;
  return (
    <ErrorSummary title={unreachable ? 'We couldn’t reach Secure Base' : 'We couldn’t move your session'} attempt={attempt}>
      <p>
        {unreachable
          ? 'Please check your connection and try again. Until it moves, your session stays at its old time.'
          : error instanceof ApiError && error.status !== 0 && error.detail
            ? error.detail
            : 'Please try again in a moment. Until it moves, your session stays at its old time.'}
      </p>
    </ErrorSummary>
  );
}
