// /console: where the practitioner starts. Today's sessions and the next few, what is still
// missing before clients can book (hours, a session type, a place she serves), how many people
// are waiting, and the way to every other console page. Each part loads on its own: one that
// cannot be read says so without hiding the others.
import type { ComponentChildren } from 'preact';
import {
  clientName,
  getBookingSettings,
  getSchedule,
  listBookings,
  listSessionTypes,
  listWaitlist,
  type ConsoleBooking,
} from '../../api/console-scheduling';
import type { Me } from '../../api/me';
import { useLoad } from '../../components/use-load';
import { useSession } from '../account/session';
import { ConsolePage } from './console-page';
import { consolePaths } from './console-paths';
import { dayAndTime, isoInstant, localDate, statusWords, timeOfDay } from './console-words';
import { LoadProblem, Loading } from './load-problem';

const day = 24 * 60 * 60 * 1000;
/** How many sessions after today the overview shows. */
const nextCount = 5;

export function ConsoleOverviewPage() {
  return (
    <ConsolePage heading="Console" lede="Your sessions and your practice’s booking, in one place.">
      {(me) => <Overview me={me} />}
    </ConsolePage>
  );
}

function settled<T>(promise: Promise<T>): Promise<T | undefined> {
  return promise.catch(() => undefined);
}

function Overview({ me }: { me: Me }) {
  const { client } = useSession();
  const [loaded, retry] = useLoad(
    async (signal) => {
      const now = new Date();
      const options = { signal };
      // The sessions are what the page is for: their failure is the page's. The rest is a bonus.
      const [bookings, schedule, types, settings, waitlist] = await Promise.all([
        listBookings({ from: isoInstant(new Date(now.getTime() - day)), to: isoInstant(new Date(now.getTime() + 30 * day)) }, client, options),
        settled(getSchedule(client, options)),
        settled(listSessionTypes(client, options)),
        settled(getBookingSettings(client, options)),
        settled(listWaitlist(client, options)),
      ]);
      return { now, bookings: bookings.bookings, schedule, types, settings, waitlist };
    },
    [client],
  );

  if (loaded.status === 'loading') return <Loading what="your console" />;
  if (loaded.status === 'error') return <LoadProblem error={loaded.error} retry={retry} what="your sessions" />;
  const { now, bookings, schedule, types, settings, waitlist } = loaded.value;
  const zone = schedule?.time_zone || me.time_zone;
  const today = localDate(now, zone);
  const confirmed = bookings
    .filter((b) => b.status !== 'cancelled')
    .sort((a, b) => a.start.localeCompare(b.start));
  const todays = confirmed.filter((b) => localDate(b.start, zone) === today);
  const next = confirmed.filter((b) => localDate(b.start, zone) > today).slice(0, nextCount);

  const todo: ComponentChildren[] = [];
  if (schedule && (!schedule.time_zone || schedule.weekly.length === 0)) {
    todo.push(
      <>
        <a href={consolePaths.schedule}>Set your hours</a>: until you do, there are no times to book.
      </>,
    );
  }
  if (types && !types.session_types.some((t) => t.active)) {
    todo.push(
      <>
        <a href={consolePaths.newSessionType}>Add a session type</a>, so clients have something to book.
      </>,
    );
  }
  if (settings && settings.served.countries.length === 0 && settings.served.us_states.length === 0) {
    todo.push(
      <>
        <a href={consolePaths.bookingSettings}>Choose where you see clients</a>: until you do, no one can book.
      </>,
    );
  }

  return (
    <>
      {todo.length > 0 ? (
        <section class="form-note" aria-labelledby="todo-title">
          <h2 id="todo-title">Before clients can book</h2>
          <ul class="console-todo">
            {todo.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="today-title">
        <h2 id="today-title">Today</h2>
        {todays.length === 0 ? (
          <p>No sessions today.</p>
        ) : (
          <ul class="console-list">
            {todays.map((b) => (
              <ShortSession key={b.id} booking={b} words={`${timeOfDay(b.start, zone)}–${timeOfDay(b.end, zone)}`} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="next-title">
        <h2 id="next-title">Coming up</h2>
        {next.length === 0 ? (
          <p>Nothing booked after today for the next month.</p>
        ) : (
          <ul class="console-list">
            {next.map((b) => (
              <ShortSession key={b.id} booking={b} words={dayAndTime(b.start, zone)} />
            ))}
          </ul>
        )}
        <p>
          <a href={consolePaths.sessions}>All your sessions</a>, with their answers and what you can do with each.
        </p>
      </section>

      <section aria-labelledby="pages-title">
        <h2 id="pages-title">Your practice</h2>
        <ul class="console-links">
          <li>
            <a href={consolePaths.schedule}>Hours</a>
            <p>Your time zone, your usual week, and dates that differ.</p>
          </li>
          <li>
            <a href={consolePaths.sessionTypes}>Session types</a>
            <p>What clients can book: length, notice, price and questions.</p>
          </li>
          <li>
            <a href={consolePaths.bookingSettings}>Booking settings</a>
            <p>Where you see clients, video links, cancelling, and your calendar link.</p>
          </li>
          <li>
            <a href={consolePaths.waitlist}>Waitlist</a>
            <p>
              {waitlist
                ? waitlist.entries.length === 0
                  ? 'No one is waiting.'
                  : waitlist.entries.length === 1
                    ? '1 person is waiting.'
                    : `${waitlist.entries.length} people are waiting.`
                : 'People waiting for a time to open up.'}
            </p>
          </li>
        </ul>
      </section>
    </>
  );
}

function ShortSession({ booking, words }: { booking: ConsoleBooking; words: string }) {
  const who = clientName(booking);
  return (
    <li class="console-card">
      <h3>
        {words} · {booking.session_type.name}
      </h3>
      <p class="console-card-meta">
        {who ? `With ${who}. ` : ''}
        {booking.status === 'confirmed' ? null : <span class="console-state">{statusWords[booking.status]}</span>}
      </p>
    </li>
  );
}
