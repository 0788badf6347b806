// Loads something from the API when a screen opens: loading, then the value or the error, and
// a way to ask again. A request still in flight when the screen closes (or the inputs change) is
// cancelled, and its late answer ignored.
import { useCallback, useEffect, useState } from 'preact/hooks';

export type Loaded<T> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; value: T };

export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, inputs: unknown[]): [Loaded<T>, () => void] {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted) setState({ status: 'ready', value });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
    // The caller names what the load depends on, as with useEffect.
  }, [...inputs, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return [state, retry];
}
