// A button that asks first, in place: archiving a session type, cancelling a session, revoking
// the calendar feed; on the learner's Sharing page, stopping sharing. The question takes focus
// when it opens and gives it back to the button on a change of mind (after the action, the page
// decides where focus goes); a failure is said in words beside the buttons, and can be retried.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../api/problem';
import { generalMessage } from '../account/messages';
import { currentPath, withNext } from '../account/next-path';
import './confirm-action.css';

interface ConfirmActionProps {
  /** Unique on the page: names the question's heading. */
  id: string;
  /** The button's visible words, and words only a screen reader needs ("Therapy session"). */
  label: string;
  context?: string;
  question: string;
  children: ComponentChildren;
  yes: string;
  no: string;
  /** Words for "it did not happen": "The session was not cancelled." */
  notDone: string;
  onConfirm: () => Promise<void>;
  /** The question's heading level within the page. */
  level?: 2 | 3 | 4;
}

export function ConfirmAction({ id, label, context, question, children, yes, no, notDone, onConfirm, level = 3 }: ConfirmActionProps) {
  const [asking, setAsking] = useState(false);
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState<ComponentChildren>();
  const button = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const wasAsking = useRef(false);
  const done = useRef(false);

  useEffect(() => {
    if (asking) heading.current?.focus();
    // Focus goes back to the button only when she changed her mind; after the action, the page
    // moves it to what changed (usually a note saying what happened).
    else if (wasAsking.current && !done.current) button.current?.focus();
    done.current = false;
    wasAsking.current = asking;
  }, [asking]);

  const confirm = async () => {
    setWorking(true);
    setProblem(undefined);
    try {
      await onConfirm();
      done.current = true;
      setAsking(false);
    } catch (error) {
      setProblem(
        error instanceof ApiError && error.status === 401 ? (
          <>
            {notDone} You were logged out after a while: <a href={withNext('/login', currentPath())}>log in again</a>{' '}
            to carry on.
          </>
        ) : (
          `${notDone} ${generalMessage(error)}`
        ),
      );
    } finally {
      setWorking(false);
    }
  };

  if (!asking) {
    return (
      <button type="button" class="form-secondary" ref={button} onClick={() => setAsking(true)}>
        {label}
        {context ? <> <span class="visually-hidden">({context})</span></> : null}
      </button>
    );
  }
  const Heading = (['h2', 'h3', 'h4'] as const)[level - 2]!;
  return (
    <section class="console-confirm" aria-labelledby={`${id}-question`}>
      <Heading id={`${id}-question`} tabIndex={-1} ref={heading}>
        {question}
      </Heading>
      {children}
      {problem ? (
        <p class="form-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div class="form-actions">
        <button type="button" class="action-button" onClick={() => void confirm()} disabled={working}>
          {working ? 'One moment…' : yes}
        </button>
        <button type="button" class="form-secondary" onClick={() => setAsking(false)} disabled={working}>
          {no}
        </button>
      </div>
    </section>
  );
}
