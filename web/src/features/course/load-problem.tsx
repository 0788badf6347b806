// What a course screen says when it could not load: the server's own words when it sent some,
// and a way to try again.
import { ApiError } from '../../api/problem';

interface LoadProblemProps {
  error: unknown;
  retry: () => void;
  /** What was being loaded, e.g. "the course". */
  what: string;
}

export function LoadProblem({ error, retry, what }: LoadProblemProps) {
  const detail =
    error instanceof ApiError && error.status !== 0 && error.problem.detail
      ? error.problem.detail
      : `We couldn’t load ${what} just now. Please check your connection and try again.`;
  return (
    <div class="form-panel" role="alert">
      <p>{detail}</p>
      <p>
        <button type="button" class="action-button" onClick={retry}>
          Try again
        </button>
      </p>
    </div>
  );
}
