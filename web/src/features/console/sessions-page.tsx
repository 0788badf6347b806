// /console/sessions: the sessions booked with her, day by day in her zone: coming up (from the
// start of yesterday, so today's sessions that have begun can still be marked) or the past three
// months, newest first. Each session's actions are on its card (session-card.tsx).
import { useMemo, useState } from 'preact/hooks';
import { listBookings, type ConsoleBooking } from '../../api/console-scheduling';
import type { Me } from '../../api/me';
import { useLoad } from '../../components/use-load';
import { useSession } from '../account/session';
import { Fieldset, Radio } from './console-fieldset';
import { ConsolePage } from './console-page';
import { dateWords, isoInstant, localDate } from './console-words';
import { LoadProblem, Loading } from './load-problem';
import { practiceZone } from './practice-zone';
import { SessionCard } from './session-card';
import { useNews } from '../../components/use-news';

const day = 24 * 60 * 60 * 1000;

export type SessionRange = 'upcoming' | 'past';

/** The instants each range asks for, around `now`. */
export function rangeQuery(range: SessionRange, now: Date): { from: string; to: string } {
  const at = now.getTime();
  return range === 'upcoming'
    ? { from: isoInstant(new Date(at - day)), to: isoInstant(new Date(at + 60 * day)) }
    : { from: isoInstant(new Date(at - 92 * day)), to: isoInstant(now) };
}

/** Sessions grouped by their local date in `zone`, in the order given. */
export function byDay(bookings: readonly ConsoleBooking[], zone: string): { date: string; bookings: ConsoleBooking[] }[] {
  const groups: { date: string; bookings: ConsoleBooking[] }[] = [];
  for (const b of bookings) {
    const date = localDate(b.start, zone);
    const last = groups[groups.length - 1];
    if (last && last.date === date) last.bookings.push(b);
    else groups.push({ date, bookings: [b] });
  }
  return groups;
}

export function SessionsPage() {
  return (
    <ConsolePage heading="Sessions" lede="The sessions booked with you, in your time zone.">
      {(me) => <Sessions me={me} />}
    </ConsolePage>
  );
}

function Sessions({ me }: { me: Me }) {
  const { client } = useSession();
  const [range, setRange] = useState<SessionRange>('upcoming');
  // "Now" for this view: fixed when the range is chosen, so the list does not shift while read.
  const now = useMemo(() => new Date(), [range]);
  const [loaded, retry] = useLoad(
    async (signal) => {
      const [zone, answer] = await Promise.all([
        practiceZone(me, client, signal),
        listBookings(rangeQuery(range, now), client, { signal }),
      ]);
      return { zone, bookings: answer.bookings };
    },
    [client, range, now],
  );
  const [changed, setChanged] = useState<Record<string, ConsoleBooking>>({});
  const { news, say, ref } = useNews();

  const onChanged = (booking: ConsoleBooking, words: string) => {
    setChanged((now) => ({ ...now, [booking.id]: booking }));
    say(words);
  };

  let list;
  if (loaded.status === 'loading') list = <Loading what="your sessions" />;
  else if (loaded.status === 'error') list = <LoadProblem error={loaded.error} retry={retry} what="your sessions" />;
  else {
    const { zone } = loaded.value;
    const bookings = loaded.value.bookings
      .map((b) => changed[b.id] ?? b)
      .sort((a, b) => (range === 'past' ? b.start.localeCompare(a.start) : a.start.localeCompare(b.start)));
    const today = localDate(now, zone);
    list =
      bookings.length === 0 ? (
        <p>
          {range === 'upcoming'
            ? 'No sessions are booked for the coming weeks.'
            : 'No sessions in the past three months.'}
        </p>
      ) : (
        <>
          <p class="form-hint">Times are in {zone.replace(/_/g, ' ')}.</p>
          {byDay(bookings, zone).map((group) => (
            <section key={group.date} aria-labelledby={`day-${group.date}`}>
              <h2 id={`day-${group.date}`} class="console-day-heading">
                {group.date === today ? 'Today, ' : ''}
                {dateWords(group.date)}
              </h2>
              <ul class="console-list">
                {group.bookings.map((b) => (
                  <SessionCard key={b.id} booking={b} zone={zone} now={now} onChanged={onChanged} />
                ))}
              </ul>
            </section>
          ))}
        </>
      );
  }

  return (
    <>
      <Fieldset id="sessions-range" legend="Show" class="console-range-switch">
        <div class="console-radios">
          <Radio name="range" checked={range === 'upcoming'} onChoose={() => setRange('upcoming')}>
            Coming up
          </Radio>
          <Radio name="range" checked={range === 'past'} onChoose={() => setRange('past')}>
            The past three months
          </Radio>
        </div>
      </Fieldset>
      <p role="status" tabIndex={-1} ref={ref} class={news ? 'form-note' : 'visually-hidden'}>
        {news}
      </p>
      {list}
    </>
  );
}
