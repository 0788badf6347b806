// A reflection question in a lesson, answered in place. The answer is the learner's alone: it is
// stored encrypted, and comes back when the lesson is opened again. Saving an empty box removes it.
import { useEffect, useState } from 'preact/hooks';
import { saveAnswer } from '../../api/course';
import { ApiError } from '../../api/problem';
import { useSession } from '../account/session';

interface PromptFieldProps {
  lessonId: string;
  promptId: string;
  text: string;
  /** The saved answer, if any. */
  answer: string | undefined;
  loading: boolean;
  disabled: boolean;
}

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; removed: boolean } | { kind: 'failed'; message: string };

export function PromptField({ lessonId, promptId, text, answer, loading, disabled }: PromptFieldProps) {
  const { client } = useSession();
  const [value, setValue] = useState(answer ?? '');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const id = `prompt-${promptId}`;

  // The saved answer arrives after the lesson; show it unless the learner has started typing.
  useEffect(() => {
    if (answer !== undefined) setValue((current) => (current === '' ? answer : current));
  }, [answer]);

  const save = async (event: Event) => {
    event.preventDefault();
    setStatus({ kind: 'saving' });
    try {
      await saveAnswer(lessonId, promptId, value, client);
      setStatus({ kind: 'saved', removed: value.trim() === '' });
    } catch (error) {
      const message =
        error instanceof ApiError && error.status !== 0 && error.problem.detail
          ? error.problem.detail
          : 'Your answer didn’t save. It is still here: please check your connection and try again.';
      setStatus({ kind: 'failed', message });
    }
  };

  return (
    <form class="prompt" onSubmit={save}>
      <label for={id} class="prompt-question">
        {text}
      </label>
      <p class="prompt-hint form-muted" id={`${id}-hint`}>
        Only you can read what you write here. It is stored encrypted.
      </p>
      <textarea
        id={id}
        class="prompt-answer"
        rows={4}
        value={value}
        aria-describedby={`${id}-hint`}
        disabled={disabled || loading}
        onInput={(e) => {
          setValue((e.target as HTMLTextAreaElement).value);
          if (status.kind !== 'saving') setStatus({ kind: 'idle' });
        }}
      />
      <div class="prompt-actions">
        <button type="submit" class="action-button" disabled={disabled || loading || status.kind === 'saving'}>
          Save answer
        </button>
        <span role="status" class="prompt-status">
          {status.kind === 'saving' ? 'Saving…' : null}
          {status.kind === 'saved' ? (status.removed ? 'Answer removed.' : 'Saved.') : null}
        </span>
      </div>
      {status.kind === 'failed' ? (
        <p class="form-error" role="alert">
          {status.message}
        </p>
      ) : null}
    </form>
  );
}
