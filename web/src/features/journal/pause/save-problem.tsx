// What the finish step says when saving did not work. The draft is always kept, so each message
// says so: logged out (401: log in and come back to this step), no connection, the server
// refusing a field (400, each field in a sentence), or anything else in the server's words.
import { ApiError } from '../../../api/problem';
import { ErrorSummary } from '../../../components/error-summary';
import { fieldSentence } from '../../account/form-problems';
import { fieldNoun, targetOf } from '../form-model';
import { pauseFinishPath } from './pause-paths';

interface SaveProblemProps {
  error: unknown;
  entryId: string;
  /** Counts failed saves, so the message takes focus each time. */
  attempt: number;
}

const kept = 'What you wrote is kept on this device.';

export function SaveProblem({ error, entryId, attempt }: SaveProblemProps) {
  const status = error instanceof ApiError ? error.status : -1;
  if (status === 401) {
    const login = `/login?next=${encodeURIComponent(pauseFinishPath(entryId))}`;
    return (
      <ErrorSummary id="pause-problem" title="Your log isn’t saved yet" attempt={attempt}>
        <p>
          You were logged out, so Secure Base couldn’t save it. {kept} <a href={login}>Log in</a> and you’ll come back
          here to save it.
        </p>
      </ErrorSummary>
    );
  }
  if (status === 0) {
    return (
      <ErrorSummary id="pause-problem" title="Your log isn’t saved yet" attempt={attempt}>
        <p>We couldn’t reach Secure Base. {kept} Please try again when you’re back online.</p>
      </ErrorSummary>
    );
  }
  const fields = error instanceof ApiError ? error.errors : [];
  if (fields.length > 0) {
    return (
      <ErrorSummary
        id="pause-problem"
        title="A few things need another look"
        attempt={attempt}
        items={fields.map((field) => ({
          id: targetOf(field.field, []) ?? 'pause-step-heading',
          message: fieldSentence(fieldNoun(field.field), field.message),
        }))}
      >
        <p>{kept}</p>
      </ErrorSummary>
    );
  }
  const detail = error instanceof ApiError && error.problem.detail ? error.problem.detail : 'Something went wrong.';
  return (
    <ErrorSummary id="pause-problem" title="Your log isn’t saved yet" attempt={attempt}>
      <p>
        {detail} {kept} Please try again in a moment.
      </p>
    </ErrorSummary>
  );
}
