// One session in the console's lists: when (in her zone, and the client's own time when that
// differs), what kind, with whom, its state in words, the video link, the client's answers behind
// "Show answers" (booking-answers.tsx: opened one booking at a time, each opening on record), and
// what she can do: cancel a session that has not begun (asked first), or say whether the client
// came once it has.
import { useState } from 'preact/hooks';
import {
  cancelBooking,
  clientName,
  recordAttendance,
  type AttendanceOutcome,
  type ConsoleBooking,
} from '../../api/console-scheduling';
import { ApiError } from '../../api/problem';
import { generalMessage } from '../account/messages';
import { useSession } from '../account/session';
import { BookingAnswers } from './booking-answers';
import { ConfirmAction } from './confirm-action';
import { dayAndTime, hasBegun, statusWords, timeOfDay } from './console-words';

interface SessionCardProps {
  booking: ConsoleBooking;
  /** Her zone. */
  zone: string;
  now: Date;
  /** The booking as the server now has it, after an action, and words saying what happened. */
  onChanged: (booking: ConsoleBooking, news: string) => void;
  /** The card's heading level: 3 under a day's heading. */
  level?: 2 | 3;
  /** Whether the heading names the day too (a list not grouped by day, such as a client's). */
  dated?: boolean;
}

export function SessionCard({ booking, zone, now, onChanged, level = 3, dated = false }: SessionCardProps) {
  const { client } = useSession();
  const [marking, setMarking] = useState<AttendanceOutcome>();
  const [problem, setProblem] = useState('');
  const who = clientName(booking);
  const begun = hasBegun(booking, now);
  const when = `${dated ? dayAndTime(booking.start, zone) : timeOfDay(booking.start, zone)}–${timeOfDay(booking.end, zone)}`;
  const whole = `${booking.session_type.name}${who ? ` with ${who}` : ''}, ${dayAndTime(booking.start, zone)}`;
  const theirs = booking.time_zone && booking.time_zone !== zone ? timeOfDay(booking.start, booking.time_zone) : undefined;
  const Heading = level === 2 ? 'h2' : 'h3';
  // Cancel and attendance answer the booking without who booked it: keep what we knew.
  const merged = (answer: ConsoleBooking | undefined) => ({
    ...booking,
    ...(answer ?? {}),
    client: booking.client,
    has_intake: booking.has_intake,
  });

  const mark = async (outcome: AttendanceOutcome) => {
    setMarking(outcome);
    setProblem('');
    try {
      const answer = await recordAttendance(booking.id, outcome, client);
      onChanged(
        { ...merged(answer), status: answer?.status ?? outcome },
        outcome === 'attended' ? `Noted: ${whole} took place.` : `Noted: ${who ?? 'the client'} did not come to ${whole}.`,
      );
    } catch (error) {
      setProblem(
        error instanceof ApiError && error.status === 409
          ? 'This session can’t be marked just now: it may have been cancelled or marked in another window. Reload the page to see it as it is.'
          : `It was not noted. ${generalMessage(error)}`,
      );
    } finally {
      setMarking(undefined);
    }
  };

  const cancel = async () => {
    const answer = await cancelBooking(booking.id, client);
    onChanged(
      { ...merged(answer), status: answer?.status ?? 'cancelled' },
      `${whole} is cancelled. ${who ?? 'The client'} is sent an email saying so, with the calendar update.`,
    );
  };

  return (
    <li class={booking.status === 'cancelled' ? 'console-card console-card-cancelled' : 'console-card'}>
      <Heading class="console-card-title">
        {when} · {booking.session_type.name}
      </Heading>
      <p class="console-card-meta">
        {who ? `With ${who}. ` : ''}
        <span class="console-state">
          {statusWords[booking.status]}
          {booking.status === 'cancelled' && booking.late_cancel ? ', late' : ''}
        </span>
        {theirs ? ` Their time: ${theirs} (${booking.time_zone.replace(/_/g, ' ')}).` : ''}
      </p>
      {booking.video_url && booking.status === 'confirmed' ? (
        <p>
          <a href={booking.video_url} target="_blank" rel="noopener noreferrer">
            Video room
          </a>
          {' '}
          <span class="visually-hidden">for {whole}</span> <span class="form-hint">(opens in a new tab)</span>
        </p>
      ) : null}
      {booking.has_intake && !booking.former_client ? <BookingAnswers bookingId={booking.id} who={who} context={whole} /> : null}
      {booking.status === 'confirmed' && begun ? (
        <div class="console-attendance" role="group" aria-label={`Did ${who ?? 'the client'} come? ${whole}`}>
          <p class="form-label">Did {who ?? 'they'} come?</p>
          <div class="console-buttons">
            <button type="button" class="form-secondary" disabled={marking !== undefined} onClick={() => void mark('attended')}>
              {marking === 'attended' ? 'Noting…' : 'Yes, they came'}
            </button>
            <button type="button" class="form-secondary" disabled={marking !== undefined} onClick={() => void mark('no_show')}>
              {marking === 'no_show' ? 'Noting…' : 'No, they didn’t come'}
            </button>
          </div>
          {problem ? (
            <p class="form-error" role="alert">
              {problem}
            </p>
          ) : null}
        </div>
      ) : null}
      {booking.status === 'confirmed' && !begun ? (
        <ConfirmAction
          id={`cancel-${booking.id}`}
          label="Cancel this session"
          context={whole}
          question={`Cancel ${whole}?`}
          yes="Yes, cancel it"
          no="No, keep it"
          notDone="The session was not cancelled."
          onConfirm={cancel}
          level={level === 2 ? 3 : 4}
        >
          <p>
            {who ?? 'The client'} will get an email saying it’s cancelled, and the time becomes free for others to
            book. This can’t be undone.
          </p>
        </ConfirmAction>
      ) : null}
    </li>
  );
}
