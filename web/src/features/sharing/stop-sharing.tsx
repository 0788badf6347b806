// "Stop sharing everything" with one practitioner, asked first in place. The question takes focus
// when it opens and gives it back to the button if the learner keeps things as they are; after it
// is done, the page says so (and moves focus there). A failure is said beside the buttons.
import { useEffect, useRef, useState } from 'preact/hooks';
import { deleteShares } from '../../api/shares';
import { ApiError } from '../../api/problem';
import { generalMessage } from '../account/messages';
import { currentPath, withNext } from '../account/next-path';
import { useSession } from '../account/session';

interface StopSharingProps {
  practitioner: { id: string; name: string };
  onStopped: () => void;
}

export function StopSharing({ practitioner, onStopped }: StopSharingProps) {
  const { client } = useSession();
  const [asking, setAsking] = useState(false);
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState<unknown>();
  const button = useRef<HTMLButtonElement>(null);
  const question = useRef<HTMLHeadingElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) question.current?.focus();
    else if (wasAsking.current) button.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  const stop = async () => {
    setWorking(true);
    setProblem(undefined);
    try {
      await deleteShares(practitioner.id, client);
      wasAsking.current = false;
      onStopped();
    } catch (error) {
      setProblem(error);
      setWorking(false);
    }
  };

  if (!asking) {
    return (
      <button type="button" class="form-secondary" ref={button} onClick={() => setAsking(true)}>
        Stop sharing everything <span class="visually-hidden">with {practitioner.name}</span>
      </button>
    );
  }
  const headingId = `stop-${practitioner.id}-question`;
  return (
    <section class="sharing-confirm" aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1} ref={question}>
        Stop sharing everything with {practitioner.name}?
      </h3>
      <p>
        From this moment they won’t see anything you shared. Nothing is deleted: your check-ins, practice, course and
        journal stay yours, and you can share again whenever you like.
      </p>
      {problem !== undefined ? (
        <p class="form-error" role="alert">
          Nothing has changed yet.{' '}
          {problem instanceof ApiError && problem.status === 401 ? (
            <>
              You were logged out after a while: <a href={withNext('/login', currentPath())}>log in again</a> to carry on.
            </>
          ) : (
            generalMessage(problem)
          )}
        </p>
      ) : null}
      <div class="sharing-buttons">
        <button type="button" class="action-button" onClick={() => void stop()} disabled={working}>
          {working ? 'One moment…' : 'Yes, stop sharing'}
        </button>
        <button type="button" class="form-secondary" onClick={() => setAsking(false)} disabled={working}>
          No, keep it as it is
        </button>
      </div>
    </section>
  );
}
