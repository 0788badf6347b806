// The client's sessions, in their zone: the ones coming up first (when, what, how to join, and
// ways to move or cancel them, or why not and what to do instead), then any places on the
// waiting list (each with a way to leave), then past and cancelled sessions, newest first.
import { useState } from 'preact/hooks';
import type { ApiClient } from '../../api/client';
import {
  leaveWaitlist,
  listBookings,
  listSessionTypes,
  listWaitlist,
  type Booking,
  type CancellationPolicy,
  type SessionTypesAnswer,
  type WaitlistEntry,
} from '../../api/scheduling';
import { useLoad } from '../../components/use-load';
import { LoadProblem } from '../course/load-problem';
import { JoinLink } from './join-link';
import { bookingPath, bookPath, reschedulePath } from './scheduling-paths';
import { refusedWords, statusWords } from './scheduling-words';
import { dayWords, durationWords, localDay, whenWords, zoneCity } from './time-words';

interface Lists {
  bookings: Booking[];
  waitlist: WaitlistEntry[];
  types: SessionTypesAnswer | undefined;
}

/** Upcoming: booked and not yet over. */
export function isUpcoming(booking: Booking, now = Date.now()): boolean {
  return booking.status === 'confirmed' && Date.parse(booking.end) > now;
}

async function loadLists(client: ApiClient, signal: AbortSignal): Promise<Lists> {
  // The sessions are what matters; the waiting list and the types only add to them.
  const [bookings, waitlist, types] = await Promise.all([
    listBookings(client, { signal }),
    listWaitlist(client, { signal }).catch(() => ({ entries: [] })),
    listSessionTypes(client, { signal }).catch(() => undefined),
  ]);
  return { bookings: bookings.bookings, waitlist: waitlist.entries, types };
}

export function SessionList({ client, timeZone }: { client: ApiClient; timeZone: string }) {
  const [loaded, retry] = useLoad((signal) => loadLists(client, signal), [client]);
  if (loaded.status === 'loading') {
    return (
      <p role="status" class="form-muted">
        Fetching your sessions…
      </p>
    );
  }
  if (loaded.status === 'error') return <LoadProblem error={loaded.error} retry={retry} what="your sessions" />;
  const { bookings, waitlist, types } = loaded.value;
  const now = Date.now();
  const upcoming = bookings.filter((b) => isUpcoming(b, now)).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const past = bookings.filter((b) => !isUpcoming(b, now)).sort((a, b) => Date.parse(b.start) - Date.parse(a.start));
  const policy = types?.practice.cancellation;
  const typeName = (id: string) => types?.session_types.find((t) => t.id === id)?.name ?? 'a session';

  return (
    <>
      <p class="form-muted sched-zone-line">Times are shown in {zoneCity(timeZone)} time, this device’s time zone.</p>
      <section aria-labelledby="sched-upcoming" class="sched-section">
        <h2 id="sched-upcoming">Coming up</h2>
        {upcoming.length === 0 ? (
          <div class="form-panel">
            <p>You have no sessions booked just now.</p>
            <p>
              When you book one, it will be here, with the time in your own time zone and a button to join when it’s time.{' '}
              <a href={bookPath}>Book a session</a>
            </p>
          </div>
        ) : (
          <ul class="sched-cards">
            {upcoming.map((booking) => (
              <UpcomingCard key={booking.id} booking={booking} timeZone={timeZone} policy={policy} />
            ))}
          </ul>
        )}
      </section>
      <Waitlist client={client} entries={waitlist} typeName={typeName} timeZone={timeZone} />
      {past.length > 0 ? (
        <section aria-labelledby="sched-past" class="sched-section">
          <h2 id="sched-past">Past and cancelled</h2>
          <ul class="sched-past">
            {past.map((booking) => (
              <li key={booking.id} class="sched-past-item">
                <a href={bookingPath(booking.id)}>{whenWords(booking.start, timeZone)}</a>
                <span class="sched-past-what">
                  {booking.session_type.name} · {statusWords[booking.status]}
                  {booking.late_cancel ? ' (late)' : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function UpcomingCard({ booking, timeZone, policy }: { booking: Booking; timeZone: string; policy: CancellationPolicy | undefined }) {
  const day = dayWords(localDay(booking.start, timeZone));
  return (
    <li class="sched-card">
      <h3 class="sched-card-title">
        <a href={bookingPath(booking.id)}>{whenWords(booking.start, timeZone)}</a>
      </h3>
      <p class="sched-card-what">
        {booking.session_type.name} · {durationWords(booking.session_type.duration_minutes)}
      </p>
      <JoinLink booking={booking} timeZone={timeZone} />
      {booking.can_change ? (
        <p class="sched-card-actions">
          <a href={reschedulePath(booking.id)} aria-label={`Move to another time: the session on ${day}`}>
            Move to another time
          </a>
          <a href={bookingPath(booking.id, 'cancel')} aria-label={`Cancel the session on ${day}`}>
            Cancel
          </a>
        </p>
      ) : (
        <p class="form-hint sched-card-refused">{refusedWords(booking, policy)}</p>
      )}
    </li>
  );
}

interface WaitlistProps {
  client: ApiClient;
  entries: WaitlistEntry[];
  typeName: (id: string) => string;
  timeZone: string;
}

function Waitlist({ client, entries, typeName, timeZone }: WaitlistProps) {
  const [left, setLeft] = useState<string[]>([]);
  const [problem, setProblem] = useState('');
  const shown = entries.filter((e) => !left.includes(e.id));
  if (entries.length === 0) return null;

  async function leave(entry: WaitlistEntry) {
    setProblem('');
    try {
      await leaveWaitlist(entry.id, client);
      setLeft((before) => [...before, entry.id]);
    } catch {
      setProblem('We couldn’t take you off the waiting list just now. Please try again in a moment.');
    }
  }

  return (
    <section aria-labelledby="sched-waiting" class="sched-section">
      <h2 id="sched-waiting">Waiting list</h2>
      {shown.length === 0 ? (
        <p role="status">You’ve left the waiting list.</p>
      ) : (
        <ul class="sched-cards">
          {shown.map((entry) => (
            <li key={entry.id} class="sched-card">
              <p>
                You’re waiting for a time for <strong>{typeName(entry.session_type)}</strong>, since{' '}
                {dayWords(localDay(entry.joined_at, timeZone))}. We’ll email you when one opens up.
              </p>
              <button
                type="button"
                class="form-secondary"
                aria-label={`Leave the waiting list for ${typeName(entry.session_type)}`}
                onClick={() => void leave(entry)}
              >
                Leave the waiting list
              </button>
            </li>
          ))}
        </ul>
      )}
      {problem ? (
        <p role="alert" class="form-error">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
