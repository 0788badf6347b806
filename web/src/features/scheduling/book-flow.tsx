// Booking a session, one step at a time: kind of session → time → where you'll be → questions
// (when the type has any) → check and confirm. Where the client is lives in the address
// (scheduling-paths.ts): each step is a history entry, so Back goes one step back, and a reload
// lands on the same step; a step whose earlier steps are not done yet sends them to the first
// one that is not. What they choose and write is held here, in memory, for the whole flow: going
// back and forth, a taken slot or a failed confirmation lose nothing.
//
// Confirming sends one booking with an Idempotency-Key made for that request: sent again
// unchanged (a retry after a lost answer), the key is the same and the server books once; any
// change to what is sent makes a new key. Booked: on to the session's page, which says so.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { Me } from '../../api/me';
import { ApiError } from '../../api/problem';
import {
  createBooking,
  existingClientsOnlyType,
  newBookingKey,
  outsideJurisdictionType,
  slotTakenType,
  takenSlots,
  type BookingRequest,
  type SessionType,
  type SessionTypesAnswer,
  type Slot,
} from '../../api/scheduling';
import { ErrorSummary } from '../../components/error-summary';
import { useSession } from '../account/session';
import { browserTimeZone } from '../account/time-zones';
import { withNext } from '../account/next-path';
import { intakeProblems, intakeToSend } from './intake';
import { OutsidePanel } from './outside-panel';
import { QuestionsStep } from './questions-step';
import { ReviewStep } from './review-step';
import { bookingPath, bookStepPath, stepFromQuery, type BookState, type BookStep } from './scheduling-paths';
import { SlotPicker } from './slot-picker';
import { StepFrame } from './step-frame';
import { TakenPanel } from './taken-panel';
import { timeWords, whenWords } from './time-words';
import { TypeStep } from './type-step';
import { WaitlistOffer } from './waitlist-offer';
import { WhereStep } from './where-step';
import { clientLocation, isServed, whereComplete, type WhereForm } from './where';

const stepTitles: Record<BookStep, string> = {
  type: 'Choose a kind of session',
  time: 'Choose a time',
  where: 'Where you’ll be',
  questions: 'A few questions',
  review: 'Check and confirm',
};

/** The steps of booking `type` (its questions step only when it asks any). */
export function stepsFor(type: SessionType | undefined): BookStep[] {
  return type && type.intake.length === 0 ? ['type', 'time', 'where', 'review'] : ['type', 'time', 'where', 'questions', 'review'];
}

interface Failure {
  error: unknown;
  attempt: number;
}

interface Taken {
  at: string;
  fresh: Slot[] | undefined;
}

interface BookFlowProps {
  me: Me;
  answer: SessionTypesAnswer;
}

export function BookFlow({ me, answer }: BookFlowProps) {
  const { client } = useSession();
  const { query, route } = useLocation();
  const step = stepFromQuery(query);
  const state: BookState = { type: query.type, tz: query.tz || browserTimeZone(), at: query.at };
  const timeZone = state.tz!;
  const practice = answer.practice;
  const type = answer.session_types.find((t) => t.id === query.type && t.bookable);
  const steps = stepsFor(type);

  const [where, setWhere] = useState<WhereForm>({ country: me.country || '', region: '' });
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [accepted, setAccepted] = useState(false);
  const [acceptError, setAcceptError] = useState<string | undefined>(undefined);
  const [timeError, setTimeError] = useState<string | undefined>(undefined);
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<Failure | undefined>(undefined);
  const [taken, setTaken] = useState<Taken | undefined>(undefined);
  const [switched, setSwitched] = useState<string | undefined>(undefined);
  const [pickerKey, setPickerKey] = useState(0);
  // The key of the request last sent, and that request: a retry of the same request reuses it.
  const attemptKey = useRef<{ body: string; key: string } | undefined>(undefined);

  // The first step that still needs something: no one reaches a later step without it.
  let missing: BookStep = 'review';
  if (!type) missing = 'type';
  else if (!state.at) missing = 'time';
  else if (!whereComplete(where) || !isServed(where, practice.served)) missing = 'where';
  else if (type.intake.length > 0 && intakeProblems(type.intake, answers).length > 0) missing = 'questions';
  const blocked = steps.indexOf(step) > steps.indexOf(missing) || !steps.includes(step);

  useEffect(() => {
    if (blocked) route(bookStepPath(missing, state), true);
  }, [blocked, missing]);

  const go = (to: BookStep, changes: BookState = {}) => route(bookStepPath(to, { ...state, ...changes }));
  const next = () => go(steps[steps.indexOf(step) + 1]!);

  if (blocked) return null;
  const number = steps.indexOf(step) + 1;
  const frame = (children: ComponentChildren) => (
    <StepFrame key={step} number={number} count={steps.length} title={stepTitles[step]}>
      {children}
    </StepFrame>
  );

  if (step === 'type' || !type) {
    return frame(
      <TypeStep
        types={answer.session_types}
        chosen={state.type}
        onContinue={(chosen) => {
          // Another type has other times: a slot chosen for the first one is not carried over.
          go('time', chosen.id === state.type ? {} : { type: chosen.id, at: undefined });
        }}
      />,
    );
  }

  if (step === 'time') {
    return frame(
      <form
        class="sched-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (state.at) next();
          else {
            setTimeError('Choose a time that suits you.');
            document.getElementById('sched-times')?.focus();
          }
        }}
      >
        <p class="sched-chosen-type">
          {type.name} <a href={bookStepPath('type', state)}>Change</a>
        </p>
        <SlotPicker
          key={pickerKey}
          client={client}
          sessionType={type}
          timeZone={timeZone}
          profileZone={me.time_zone}
          chosen={state.at}
          onZone={(zone) => route(bookStepPath('time', { ...state, tz: zone }), true)}
          onChoose={(slot) => {
            setTimeError(undefined);
            route(bookStepPath('time', { ...state, at: slot.start }), true);
          }}
          error={timeError}
          nothingFree={<WaitlistOffer client={client} sessionType={type} onSlotsAvailable={() => setPickerKey((k) => k + 1)} />}
        />
        {state.at ? (
          <p class="sched-chosen" role="status">
            You’ve chosen {whenWords(state.at, timeZone)}.
          </p>
        ) : null}
        <button type="submit" class="action-button form-submit">
          Continue
        </button>
      </form>,
    );
  }

  if (step === 'where') {
    return frame(<WhereStep where={where} practice={practice} onChange={setWhere} onContinue={next} />);
  }

  if (step === 'questions') {
    return frame(
      <QuestionsStep
        questions={type.intake}
        answers={answers}
        onAnswer={(id, text) => setAnswers((before) => ({ ...before, [id]: text }))}
        onContinue={next}
      />,
    );
  }

  const at = state.at!;

  async function confirm() {
    if (!accepted) {
      setAcceptError('Please read the cancellation policy, then tick the box to accept it.');
      document.getElementById('sched-accept')?.focus();
      return;
    }
    const request: BookingRequest = {
      session_type: type!.id,
      start: at,
      time_zone: timeZone,
      client_location: clientLocation(where),
      intake: intakeToSend(type!.intake, answers),
      policy_accepted: true,
    };
    const body = JSON.stringify(request);
    if (attemptKey.current?.body !== body) attemptKey.current = { body, key: newBookingKey() };
    setSubmitting(true);
    setSwitched(undefined);
    try {
      const booking = await createBooking(request, attemptKey.current.key, client);
      route(bookingPath(booking.id, 'booked'));
    } catch (error) {
      setSubmitting(false);
      if (error instanceof ApiError && error.type === slotTakenType) {
        setFailure(undefined);
        setTaken({ at, fresh: takenSlots(error) });
      } else {
        setFailure((before) => ({ error, attempt: (before?.attempt ?? 0) + 1 }));
      }
    }
  }

  const problem =
    taken && taken.at === at ? (
      <TakenPanel
        client={client}
        sessionType={type.id}
        taken={at}
        timeZone={timeZone}
        practitionerZone={practice.time_zone}
        fresh={taken.fresh}
        otherTimesHref={bookStepPath('time', { ...state, at: undefined })}
        kept="Everything you chose and wrote is still here: pick another time, then confirm again."
        onChoose={(slot) => {
          setTaken(undefined);
          setSwitched(slot.start);
          route(bookStepPath('review', { ...state, at: slot.start }), true);
        }}
      />
    ) : failure ? (
      <BookingProblem failure={failure} practiceMessage={practice.outside_message} state={state} />
    ) : switched === at ? (
      <p class="form-note" role="status">
        You’ve chosen {timeWords(at, timeZone)} instead. Confirm when you’re ready.
      </p>
    ) : null;

  return frame(
    <ReviewStep
      sessionType={type}
      practice={practice}
      at={at}
      timeZone={timeZone}
      where={where}
      answers={answers}
      accepted={accepted}
      acceptError={acceptError}
      onAccepted={(value) => {
        setAccepted(value);
        if (value) setAcceptError(undefined);
      }}
      changeHref={(to) => bookStepPath(to, state)}
      onConfirm={() => void confirm()}
      submitting={submitting}
      problem={problem}
    />,
  );
}

/** Where each field the server may refuse is answered. */
function fieldStep(field: string): { step: BookStep; what: string } | undefined {
  if (field.startsWith('intake')) return { step: 'questions', what: 'your answers' };
  if (field === 'start' || field === 'time_zone') return { step: 'time', what: 'the time' };
  if (field.startsWith('client_location')) return { step: 'where', what: 'where you’ll be' };
  if (field === 'session_type') return { step: 'type', what: 'the kind of session' };
  return undefined;
}

function BookingProblem({ failure, practiceMessage, state }: { failure: Failure; practiceMessage: string; state: BookState }) {
  const { error, attempt } = failure;
  if (error instanceof ApiError && error.type === outsideJurisdictionType) {
    return <OutsidePanel key={attempt} message={error.detail || practiceMessage} changeHref={bookStepPath('where', state)} />;
  }
  if (error instanceof ApiError && error.type === existingClientsOnlyType) {
    return (
      <ErrorSummary title="This kind of session isn’t open to you yet" attempt={attempt}>
        <p>
          It’s for people who have already had a session with your therapist.{' '}
          <a href={bookStepPath('type', state)}>Choose another kind of session</a>
        </p>
      </ErrorSummary>
    );
  }
  if (error instanceof ApiError && error.status === 400 && error.errors.length > 0) {
    return (
      <ErrorSummary title="Something needs another look" attempt={attempt}>
        <ul class="form-summary-list">
          {error.errors.map((e) => {
            const where = fieldStep(e.field);
            return (
              <li key={e.field}>
                {e.message}{' '}
                {where ? (
                  <a href={bookStepPath(where.step, state)}>Change {where.what}</a>
                ) : e.field === 'policy_accepted' ? (
                  <a href="#sched-accept">Go to the policy</a>
                ) : null}
              </li>
            );
          })}
        </ul>
      </ErrorSummary>
    );
  }
  if (error instanceof ApiError && error.status === 401) {
    return (
      <ErrorSummary title="You’ve been logged out" attempt={attempt}>
        <p>
          Nothing was booked. <a href={withNext('/login', bookStepPath('type', state))}>Log in again</a>, then choose your
          time once more.
        </p>
      </ErrorSummary>
    );
  }
  const unreachable = error instanceof ApiError && error.status === 0;
  return (
    <ErrorSummary title={unreachable ? 'We couldn’t reach Secure Base' : 'We couldn’t finish your booking'} attempt={attempt}>
      <p>
        {unreachable
          ? 'We don’t know whether your booking went through. Please check your connection and confirm again: if it did go through, you won’t be booked twice.'
          : 'Please try again in a moment: if it did go through, you won’t be booked twice.'}
      </p>
    </ErrorSummary>
  );
}
