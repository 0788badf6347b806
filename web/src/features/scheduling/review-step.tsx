// The last step of booking: everything chosen and written, each with a way back to change it, the
// cancellation policy (our plain words and the practitioner's own) to accept, and Confirm. What
// went wrong with a confirmation is shown above the button by the flow (`problem`).
import type { ComponentChildren } from 'preact';
import type { IntakeQuestion, PracticeTerms, SessionType } from '../../api/scheduling';
import { policyWords } from './scheduling-words';
import { durationWords, theirTime, whenWords, zoneCity } from './time-words';
import { whereWords, type WhereForm } from './where';

interface ReviewStepProps {
  sessionType: SessionType;
  practice: PracticeTerms;
  at: string;
  timeZone: string;
  where: WhereForm;
  answers: Record<string, string>;
  accepted: boolean;
  acceptError: string | undefined;
  onAccepted: (accepted: boolean) => void;
  /** The address of an earlier step, for its "Change" link. */
  changeHref: (step: 'type' | 'time' | 'where' | 'questions') => string;
  onConfirm: () => void;
  submitting: boolean;
  problem: ComponentChildren;
}

export function ReviewStep(props: ReviewStepProps) {
  const { sessionType, practice, at, timeZone, where, answers, accepted, acceptError, onAccepted, changeHref } = props;
  const hers = theirTime(at, timeZone, practice.time_zone);
  return (
    <form
      class="sched-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!props.submitting) props.onConfirm();
      }}
    >
      <dl class="sched-review">
        <Row term="Session" change={changeHref('type')} changeWhat="the kind of session">
          {sessionType.name}
          <span class="sched-review-more">
            {durationWords(sessionType.duration_minutes)}
            {sessionType.price ? ` · ${sessionType.price}` : ''}
          </span>
        </Row>
        <Row term="When" change={changeHref('time')} changeWhat="the time">
          {whenWords(at, timeZone)} ({zoneCity(timeZone)} time)
          {hers ? <span class="sched-review-more">That’s {hers} for your therapist.</span> : null}
        </Row>
        <Row term="Where you’ll be" change={changeHref('where')} changeWhat="where you’ll be">
          {whereWords(where)}
        </Row>
        {sessionType.intake.length > 0 ? (
          <Row term="Your answers" change={changeHref('questions')} changeWhat="your answers">
            <Answers questions={sessionType.intake} answers={answers} />
          </Row>
        ) : null}
      </dl>

      <section class="sched-policy" aria-labelledby="sched-policy-heading">
        <h3 id="sched-policy-heading">If you need to cancel or move it</h3>
        <p>{policyWords(practice.cancellation)}</p>
        {practice.cancellation.text ? (
          <>
            <p class="sched-quote-intro">Your therapist’s cancellation policy:</p>
            <blockquote class="sched-quote">{practice.cancellation.text}</blockquote>
          </>
        ) : null}
        <div class="form-field">
          {acceptError ? (
            <p id="sched-accept-error" class="form-error">
              <span class="visually-hidden">Error: </span>
              {acceptError}
            </p>
          ) : null}
          <label class="form-check">
            <input
              id="sched-accept"
              type="checkbox"
              name="policy_accepted"
              checked={accepted}
              aria-invalid={acceptError ? 'true' : undefined}
              aria-describedby={acceptError ? 'sched-accept-error' : undefined}
              onChange={(event) => onAccepted(event.currentTarget.checked)}
            />
            <span>I’ve read the cancellation policy and I accept it</span>
          </label>
        </div>
      </section>

      {props.problem}
      <p class="form-hint">When you confirm, we’ll email you an invitation you can add to your calendar.</p>
      <button type="submit" class="action-button form-submit" disabled={props.submitting}>
        {props.submitting ? 'Booking your session…' : 'Confirm booking'}
      </button>
    </form>
  );
}

function Row({ term, change, changeWhat, children }: { term: string; change: string; changeWhat: string; children: ComponentChildren }) {
  return (
    <div class="sched-review-row">
      <dt>{term}</dt>
      <dd>
        <div class="sched-review-value">{children}</div>
        <a class="sched-review-change" href={change} aria-label={`Change ${changeWhat}`}>
          Change
        </a>
      </dd>
    </div>
  );
}

function Answers({ questions, answers }: { questions: IntakeQuestion[]; answers: Record<string, string> }) {
  return (
    <dl class="sched-answers">
      {questions.map((q) => {
        const answer = (answers[q.id] ?? '').trim();
        return (
          <div key={q.id}>
            <dt>{q.question}</dt>
            <dd class={answer ? 'sched-answer' : 'sched-answer form-muted'}>{answer || 'Not answered'}</dd>
          </div>
        );
      })}
    </dl>
  );
}
