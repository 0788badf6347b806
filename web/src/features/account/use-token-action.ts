// For the pages a mailed link opens with `?token=`: send the token once when the page opens,
// and tell the page how it went. The token is then taken out of the address bar, so it is not
// left in the browser's history (it works only once anyway).
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../api/problem';

export type TokenOutcome<T> =
  | { status: 'working' }
  | { status: 'done'; value: T }
  /** Missing, wrong, used or expired: the server's `invalid-token`, or no token at all. */
  | { status: 'invalid' }
  | { status: 'failed'; error: unknown };

export function useTokenAction<T>(token: string | undefined, action: (token: string) => Promise<T>) {
  const [outcome, setOutcome] = useState<TokenOutcome<T>>(token ? { status: 'working' } : { status: 'invalid' });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(action);
  latest.current = action;

  useEffect(() => {
    if (!token) return;
    let current = true;
    setOutcome({ status: 'working' });
    latest.current(token).then(
      (value) => {
        if (!current) return;
        setOutcome({ status: 'done', value });
        history.replaceState(history.state, '', location.pathname);
      },
      (error: unknown) => {
        if (!current) return;
        const invalid = error instanceof ApiError && (error.is('invalid-token') || error.status === 400);
        setOutcome(invalid ? { status: 'invalid' } : { status: 'failed', error });
        if (invalid) history.replaceState(history.state, '', location.pathname);
      },
    );
    return () => {
      current = false;
    };
  }, [token, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { outcome, retry };
}
