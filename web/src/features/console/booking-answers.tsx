// One booking's answers to its questions, opened only when she asks. The calendar and a client's
// page say a session has answers without carrying them; "Show answers" fetches this booking's
// (GET /console/bookings/{id}/intake), and the server puts that look on the audit log before it
// answers, where the client sees it among "who has looked". So opening is a choice she makes, and
// the words beside the button say so. Hiding and showing again asks nothing more of the server:
// what she has read is on record already.
import { useState } from 'preact/hooks';
import { getBookingIntake, intakeAnswers } from '../../api/console-scheduling';
import { ApiError } from '../../api/problem';
import { generalMessage } from '../account/messages';
import { useSession } from '../account/session';

interface BookingAnswersProps {
  bookingId: string;
  /** The client's name, when known. */
  who?: string;
  /** The session in words ("Therapy session with Jo, Tuesday 31 March, 14:00"), for the button's name. */
  context: string;
}

type Answer = { id: string; question: string; answer: string };

export function BookingAnswers({ bookingId, who, context }: BookingAnswersProps) {
  const { client } = useSession();
  const [answers, setAnswers] = useState<Answer[]>();
  const [open, setOpen] = useState(false);
  const [opening, setOpening] = useState(false);
  const [problem, setProblem] = useState('');
  const panelId = `answers-${bookingId}`;

  const toggle = async () => {
    if (opening) return;
    if (answers) {
      setOpen(!open);
      return;
    }
    setOpening(true);
    setProblem('');
    try {
      const opened = await getBookingIntake(bookingId, client);
      setAnswers(intakeAnswers({ intake: opened?.intake ?? [] }));
      setOpen(true);
    } catch (error) {
      setProblem(
        error instanceof ApiError && error.status === 404
          ? 'There are no answers to show: this client has closed their account, and their answers went with it.'
          : `The answers were not opened. ${generalMessage(error)}`,
      );
    } finally {
      setOpening(false);
    }
  };

  return (
    <div class="console-booking-answers">
      <button
        type="button"
        class="form-secondary"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        // Not disabled while opening: a disabled button would drop the keyboard's focus.
        onClick={() => void toggle()}
      >
        {opening ? 'Opening the answers…' : open ? 'Hide answers' : 'Show answers'}{' '}
        <span class="visually-hidden">for {context}</span>
      </button>
      <p class="form-hint">{who ?? 'The client'} can see each time you open them.</p>
      {problem ? (
        <p class="form-error" role="alert">
          {problem}
        </p>
      ) : null}
      {open && answers ? (
        answers.length > 0 ? (
          <dl id={panelId} class="console-answers">
            {answers.map((a) => (
              <div key={a.id}>
                <dt>{a.question}</dt>
                <dd>{a.answer}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p id={panelId}>No answers were given.</p>
        )
      ) : null}
    </div>
  );
}
