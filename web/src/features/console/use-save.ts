// The state a console form keeps around saving: one request at a time, the problems of the last
// refused attempt (placed on controls by field-errors.tsx), a count of failed attempts that moves
// focus to the summary, and whether the last save went through. What she typed lives in the
// form's own state and is never cleared by a failure.
import { useCallback, useRef, useState } from 'preact/hooks';
import { placeFieldErrors, saveProblem, type FieldRef, type SaveProblem } from './field-errors';
import type { FieldError } from '../../api/problem';

export interface Save {
  sending: boolean;
  saved: boolean;
  problem: SaveProblem | undefined;
  attempt: number;
  /**
   * Runs `action` unless a save is in flight. A failure is placed on `fields` (the controls of
   * the body that was sent); `notSaved` titles a problem that is about no one field.
   */
  run: (action: () => Promise<void>, fields: readonly FieldRef[], notSaved: string) => Promise<boolean>;
  /** The form's own checks failed: show them without asking the server. */
  refuse: (errors: readonly FieldError[], fields: readonly FieldRef[]) => void;
  /** Something changed: the "saved" note no longer holds. */
  edited: () => void;
}

export function useSave(): Save {
  const [sending, setSending] = useState(false);
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<SaveProblem>();
  const [attempt, setAttempt] = useState(0);
  // A ref as well as state: two quick taps arrive before the re-render that disables the button.
  const busy = useRef(false);

  const fail = useCallback((found: SaveProblem) => {
    setProblem(found);
    setSaved(false);
    setAttempt((n) => n + 1);
  }, []);

  const run = useCallback(
    async (action: () => Promise<void>, fields: readonly FieldRef[], notSaved: string) => {
      if (busy.current) return false;
      busy.current = true;
      setSending(true);
      try {
        await action();
        setProblem(undefined);
        setSaved(true);
        return true;
      } catch (error) {
        fail(saveProblem(error, fields, notSaved));
        return false;
      } finally {
        busy.current = false;
        setSending(false);
      }
    },
    [fail],
  );

  const refuse = useCallback(
    (errors: readonly FieldError[], fields: readonly FieldRef[]) => fail(placeFieldErrors(errors, fields)),
    [fail],
  );
  const edited = useCallback(() => setSaved(false), []);

  return { sending, saved, problem, attempt, run, refuse, edited };
}
