// The state every account form shares: sending (one request at a time), the field errors, a
// general problem, and a count of failed attempts that moves focus to the error summary. What
// the person typed lives in each form's own state and is never cleared by a failure.
import type { ComponentChildren } from 'preact';
import { useCallback, useRef, useState } from 'preact/hooks';
import type { FieldErrors } from './form-problems';

export interface FormStatus<F extends string> {
  sending: boolean;
  errors: FieldErrors<F>;
  /** A problem that is not about one field, with the summary's title for it. */
  general: { title: string; message: ComponentChildren } | undefined;
  attempt: number;
  /** Runs `action` unless a request is already in flight; clears old problems first. */
  run: (action: () => Promise<void>) => Promise<void>;
  /** Shows these problems and moves focus to the summary. */
  fail: (errors: FieldErrors<F>, general?: { title: string; message: ComponentChildren }) => void;
  /** Forgets the problems shown (the form changed shape, or succeeded). */
  clear: () => void;
}

export function useFormStatus<F extends string>(): FormStatus<F> {
  const [sending, setSending] = useState(false);
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [general, setGeneral] = useState<FormStatus<F>['general']>();
  const [attempt, setAttempt] = useState(0);
  // A ref as well as state: two quick taps arrive before the re-render that disables the button.
  const busy = useRef(false);

  const run = useCallback(async (action: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    setSending(true);
    try {
      await action();
    } finally {
      busy.current = false;
      setSending(false);
    }
  }, []);

  const fail = useCallback((found: FieldErrors<F>, problem?: FormStatus<F>['general']) => {
    setErrors(found);
    setGeneral(problem);
    setAttempt((n) => n + 1);
  }, []);

  const clear = useCallback(() => {
    setErrors({});
    setGeneral(undefined);
  }, []);

  return { sending, errors, general, attempt, run, fail, clear };
}
