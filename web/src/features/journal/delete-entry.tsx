// Deleting an entry, for real: the button asks first, in place, saying plainly that there is no
// undo. Focus moves to the question when it opens and back to the button if the learner keeps
// the entry. Once the server has deleted it (or it was already gone), any draft of it goes too,
// and the learner is taken back to the journal.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { deleteEntry } from '../../api/journal';
import { ApiError } from '../../api/problem';
import { generalMessage } from '../account/messages';
import { currentPath, withNext } from '../account/next-path';
import { useSession } from '../account/session';
import { removeDraft } from './draft-store';

interface DeleteEntryProps {
  userId: string;
  entryId: string;
  onDeleted: () => void;
}

export function DeleteEntry({ userId, entryId, onDeleted }: DeleteEntryProps) {
  const { client } = useSession();
  const [asking, setAsking] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [problem, setProblem] = useState<ComponentChildren>();
  const button = useRef<HTMLButtonElement>(null);
  const question = useRef<HTMLHeadingElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) question.current?.focus();
    else if (wasAsking.current) button.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  const confirm = async () => {
    setDeleting(true);
    setProblem(undefined);
    try {
      await deleteEntry(entryId, client);
    } catch (error) {
      // Already gone is what the learner asked for.
      if (!(error instanceof ApiError && error.status === 404)) {
        setDeleting(false);
        if (error instanceof ApiError && error.status === 401) {
          setProblem(
            <>
              You were logged out after a while, so the entry was not deleted.{' '}
              <a href={withNext('/login', currentPath())}>Log in again</a> to carry on.
            </>,
          );
        } else {
          setProblem(`The entry was not deleted. ${generalMessage(error)}`);
        }
        return;
      }
    }
    removeDraft(userId, entryId);
    onDeleted();
  };

  if (!asking) {
    return (
      <button type="button" class="form-secondary journal-delete" ref={button} onClick={() => setAsking(true)}>
        Delete this entry
      </button>
    );
  }
  return (
    <section class="journal-confirm" aria-labelledby="journal-delete-question">
      <h2 id="journal-delete-question" tabIndex={-1} ref={question}>
        Delete this entry for good?
      </h2>
      <p>
        It will be removed from your journal straight away. This cannot be undone: there is no bin to bring it back
        from.
      </p>
      {problem ? (
        <p class="form-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div class="form-actions">
        <button type="button" class="action-button journal-delete-yes" onClick={() => void confirm()} disabled={deleting}>
          {deleting ? 'Deleting…' : 'Yes, delete it for good'}
        </button>
        <button type="button" class="form-secondary" onClick={() => setAsking(false)} disabled={deleting}>
          No, keep it
        </button>
      </div>
    </section>
  );
}
