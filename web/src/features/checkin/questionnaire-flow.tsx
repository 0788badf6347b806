// One questionnaire, one statement per screen: choose an answer, go on (the Next button or
// Enter), go back, see how far along you are. Answers are kept on this device as they are given
// (draft-store.ts), so closing the tab loses nothing; they are sent once, at the end, with an
// Idempotency-Key made for that attempt and reused if the network failed, so a retry never
// makes a second result.
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../../api/client';
import { newIdempotencyKey, submitCheckin, type Checkin, type Questionnaire } from '../../api/checkins';
import { ApiError } from '../../api/problem';
import { clearDraft, draftKey, loadDraft, saveDraft } from './draft-store';
import { ScaleQuestion } from './scale-question';

interface QuestionnaireFlowProps {
  questionnaire: Questionnaire;
  userId: string;
  client: ApiClient;
  /** Words for the button on the last statement, e.g. "Save and go on". */
  finishLabel: string;
  /** Where to send someone whose session ended, to come back here afterwards. */
  loginHref: string;
  onSaved: (checkin: Checkin) => void;
  /** For tests: makes Idempotency-Keys. */
  makeKey?: () => string;
}

type SubmitProblem = { title: string; message: ComponentChildren };

export function QuestionnaireFlow(props: QuestionnaireFlowProps) {
  const { questionnaire, userId, client, finishLabel, loginHref, onSaved, makeKey = newIdempotencyKey } = props;
  const items = questionnaire.items;
  const storageKey = draftKey(userId, questionnaire.id, questionnaire.version);
  const [initial] = useState(() => loadDraft(storageKey));

  const [answers, setAnswers] = useState<Record<string, number>>(initial?.answers ?? {});
  const [step, setStep] = useState(() => Math.min(initial?.step ?? 0, items.length - 1));
  const [pendingKey, setPendingKey] = useState<string | undefined>(initial?.pendingKey);
  const [resumed, setResumed] = useState(Boolean(initial && Object.keys(initial.answers).length > 0));
  const [missing, setMissing] = useState(false);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<SubmitProblem>();
  const [announcement, setAnnouncement] = useState(
    resumed ? `Welcome back. Your earlier answers are kept: statement ${step + 1} of ${items.length}.` : '',
  );
  const busy = useRef(false);
  const legend = useRef<HTMLLegendElement>(null);
  const problemBox = useRef<HTMLDivElement>(null);
  // Counts Next/Back/start-again moves; each one moves focus to the statement.
  const [moves, setMoves] = useState(0);

  const item = items[step];
  const answered = useMemo(() => items.filter((i) => answers[i.id] !== undefined).length, [items, answers]);
  const last = step === items.length - 1;

  // Keep every change on this device at once: the tab may be closed at any moment.
  useEffect(() => {
    saveDraft(storageKey, pendingKey ? { answers, step, pendingKey } : { answers, step });
  }, [storageKey, answers, step, pendingKey]);

  // After Next or Back (not on first showing: the page heading has focus then), focus moves to
  // the new statement so it is read first.
  useEffect(() => {
    if (moves > 0) legend.current?.focus();
  }, [moves]);

  useEffect(() => {
    if (problem) problemBox.current?.focus();
  }, [problem]);

  if (!item) return null;

  const goTo = (next: number) => {
    setMoves((n) => n + 1);
    setMissing(false);
    setStep(next);
    setAnnouncement(`Statement ${next + 1} of ${items.length}.`);
  };

  const choose = (value: number) => {
    if (answers[item.id] !== value) {
      setAnswers((now) => ({ ...now, [item.id]: value }));
      // Different answers make a different attempt: the old key must not stand for them.
      if (pendingKey) setPendingKey(undefined);
    }
    setMissing(false);
  };

  const next = () => {
    if (answers[item.id] === undefined) {
      setMissing(true);
      setAnnouncement('Please choose an answer to go on.');
      return;
    }
    if (!last) {
      goTo(step + 1);
      return;
    }
    const firstGap = items.findIndex((i) => answers[i.id] === undefined);
    if (firstGap >= 0) {
      goTo(firstGap);
      setAnnouncement(`Statement ${firstGap + 1} still needs an answer.`);
      return;
    }
    void submit();
  };

  const submit = async () => {
    if (busy.current) return;
    busy.current = true;
    const key = pendingKey ?? makeKey();
    setPendingKey(key);
    setSending(true);
    setProblem(undefined);
    setAnnouncement('Saving your answers…');
    try {
      const checkin = await submitCheckin({ questionnaire_id: questionnaire.id, answers }, key, client);
      clearDraft(storageKey);
      onSaved(checkin);
    } catch (error) {
      const outcome = explain(error, loginHref);
      // When the answer was lost on the way, the server may have saved the check-in: keep the key
      // so that trying again finds that one instead of saving another.
      if (!outcome.keepKey) setPendingKey(undefined);
      setProblem(outcome.problem);
      setAnnouncement('');
    } finally {
      busy.current = false;
      setSending(false);
    }
  };

  const startAgain = () => {
    clearDraft(storageKey);
    setAnswers({});
    setPendingKey(undefined);
    setResumed(false);
    setProblem(undefined);
    goTo(0);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // Enter on a radio button goes on, as it would from a text field.
    const target = event.target as HTMLElement | null;
    if (event.key === 'Enter' && target instanceof HTMLInputElement && target.type === 'radio') {
      event.preventDefault();
      next();
    }
  };

  const errorId = missing ? 'checkin-missing' : undefined;

  return (
    <div class="checkin-flow">
      {resumed ? (
        <div class="form-note checkin-resumed">
          <p>
            Welcome back. We kept the answers you gave before, so you can carry on from here.{' '}
            <button type="button" class="link-button" onClick={startAgain}>
              Start this part again
            </button>
          </p>
        </div>
      ) : null}

      {questionnaire.instructions ? <p class="checkin-instructions">{questionnaire.instructions}</p> : null}

      <div class="checkin-progress">
        <p class="checkin-progress-text" id="checkin-progress-text">
          {step + 1} of {items.length}
        </p>
        <progress
          class="checkin-progress-bar"
          max={items.length}
          value={answered}
          aria-label="Statements answered"
          aria-valuetext={`${answered} of ${items.length} answered`}
        />
      </div>

      {problem ? (
        <div class="form-summary" tabIndex={-1} ref={problemBox}>
          <h2 class="form-summary-title">{problem.title}</h2>
          <p>{problem.message}</p>
        </div>
      ) : null}

      <form
        class="form-panel checkin-form"
        noValidate
        onKeyDown={onKeyDown}
        onSubmit={(event) => {
          event.preventDefault();
          next();
        }}
      >
        <ScaleQuestion
          key={item.id}
          item={item}
          scale={questionnaire.scale}
          value={answers[item.id]}
          onChange={choose}
          legendRef={legend}
          errorId={errorId}
        />
        {missing ? (
          <p class="form-error checkin-missing" id="checkin-missing">
            Please choose the answer that fits best to go on. There are no right or wrong answers.
          </p>
        ) : null}
        <div class="checkin-nav">
          {step > 0 ? (
            <button type="button" class="form-secondary checkin-back" onClick={() => goTo(step - 1)}>
              Back
            </button>
          ) : null}
          <button type="submit" class="action-button checkin-next" disabled={sending}>
            {last ? (sending ? 'Saving…' : problem ? 'Try again' : finishLabel) : 'Next'}
          </button>
        </div>
      </form>

      <p class="form-muted checkin-kept">
        Your answers are kept on this device until you finish, so you can close this and come back
        later.
      </p>

      <p class="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}

interface Outcome {
  problem: SubmitProblem;
  /** Whether the server might have saved it (so the same key must be used again). */
  keepKey: boolean;
}

function explain(error: unknown, loginHref: string): Outcome {
  if (error instanceof ApiError && error.status === 0) {
    return {
      keepKey: true,
      problem: {
        title: 'Not saved yet',
        message:
          'We couldn’t reach Secure Base, so your answers are still here on this device. When your connection is back, press “Try again”. It will not save them twice.',
      },
    };
  }
  if (error instanceof ApiError && error.status >= 500) {
    return {
      keepKey: true,
      problem: {
        title: 'Not saved yet',
        message:
          'Something went wrong on our side. Your answers are still here; please try again in a moment. It will not save them twice.',
      },
    };
  }
  if (error instanceof ApiError && error.status === 401) {
    return {
      keepKey: false,
      problem: {
        title: 'Please log in again',
        message: (
          <>
            You were logged out, so we couldn’t save your answers. They are kept on this device:{' '}
            <a href={loginHref}>log in</a> and you can finish from here.
          </>
        ),
      },
    };
  }
  const detail = error instanceof ApiError ? error.detail : undefined;
  return {
    keepKey: false,
    problem: {
      title: 'We couldn’t save these answers',
      message: detail
        ? `The server said: ${detail} Your answers are still here; you can go back, check them and try again.`
        : 'Your answers are still here; you can go back, check them and try again.',
    },
  };
}
