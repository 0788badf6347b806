// How to join a booked session: before `join_opens_at`, when the Join button will work (and it
// starts working then, without a reload); from then until the session ends, the Join button,
// which opens the video room in a new tab. Without a link, how joining will happen instead.
import { useEffect, useState } from 'preact/hooks';
import type { Booking } from '../../api/scheduling';
import { localDay, timeWords, whenWords } from './time-words';

/** Longest wait one timer is set for (browsers cap timers near 24.8 days). */
const maxWait = 24 * 3_600_000;

/** Now, re-read when `at` passes (if it is within a day). */
function useNowAfter(at: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const wait = at - now;
    if (wait <= 0 || wait > maxWait) return undefined;
    const timer = setTimeout(() => setNow(Date.now()), wait + 250);
    return () => clearTimeout(timer);
  }, [at, now]);
  return now;
}

interface JoinLinkProps {
  booking: Booking;
  timeZone: string;
}

export function JoinLink({ booking, timeZone }: JoinLinkProps) {
  const opens = Date.parse(booking.join_opens_at);
  const now = useNowAfter(opens);
  const ended = Date.parse(booking.end) <= now;
  if (booking.status !== 'confirmed' || ended) return null;
  if (!booking.video_url) {
    return <p class="sched-join-note">Your therapist will let you know how you’ll meet for this session.</p>;
  }
  if (now < opens) {
    const before = Math.round((Date.parse(booking.start) - opens) / 60_000);
    return (
      <p class="sched-join-note">
        <span class="sched-join-soon" aria-hidden="true">
          Join
        </span>{' '}
        You can join from{' '}
        {localDay(booking.join_opens_at, timeZone) === localDay(booking.start, timeZone)
          ? timeWords(booking.join_opens_at, timeZone)
          : whenWords(booking.join_opens_at, timeZone)}
        {before > 0 ? `, ${before === 1 ? '1 minute' : `${before} minutes`} before it starts` : ''}.
      </p>
    );
  }
  return (
    <p class="sched-join">
      <a class="action-button" href={booking.video_url} target="_blank" rel="noopener noreferrer">
        Join the video session
      </a>
      <span class="form-hint"> Opens in a new tab.</span>
    </p>
  );
}
