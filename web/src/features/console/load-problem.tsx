// What a console page says when what it shows could not be loaded: a session that ended (a way
// to log in again and come back), a refusal, or the connection, with a way to try again.
import { ApiError } from '../../api/problem';
import { generalMessage } from '../account/messages';
import { currentPath, withNext } from '../account/next-path';

interface LoadProblemProps {
  error: unknown;
  retry: () => void;
  /** What was being loaded: "your sessions". */
  what: string;
}

export function LoadProblem({ error, retry, what }: LoadProblemProps) {
  if (error instanceof ApiError && error.status === 401) {
    return (
      <div class="form-panel" role="alert">
        <p>
          You were logged out after a while, so we couldn’t load {what}.{' '}
          <a href={withNext('/login', currentPath())}>Log in again</a> to carry on.
        </p>
      </div>
    );
  }
  const message =
    error instanceof ApiError && error.status === 403
      ? 'These pages open only for the practitioner, once she has given her two-factor code.'
      : generalMessage(error);
  return (
    <div class="form-panel" role="alert">
      <p>
        We couldn’t load {what}. {message}
      </p>
      <button type="button" class="action-button" onClick={retry}>
        Try again
      </button>
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p role="status" class="form-muted">
      Loading {what}…
    </p>
  );
}
