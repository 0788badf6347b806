// One section of the Progress page: its heading, then while loading a quiet line, after a
// failure a kind note with "Try again" (the other sections are unaffected), and once loaded
// whatever the section draws. Each section loads on its own (use-progress-parts.ts).
import type { ComponentChildren, VNode } from 'preact';
import type { Loaded } from '../../components/use-load';
import { LoadProblem } from '../course/load-problem';

interface SectionFrameProps<T> {
  id: string;
  heading: string;
  loaded: Loaded<T>;
  retry: () => void;
  /** What is loading, inside a sentence: "your check-ins". */
  what: string;
  children: (value: T) => VNode | ComponentChildren;
}

export function SectionFrame<T>({ id, heading, loaded, retry, what, children }: SectionFrameProps<T>) {
  return (
    <section class="progress-section" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {loaded.status === 'loading' ? (
        <p role="status" class="form-muted">
          Gathering {what}…
        </p>
      ) : loaded.status === 'error' ? (
        <LoadProblem error={loaded.error} retry={retry} what={what} />
      ) : (
        children(loaded.value)
      )}
    </section>
  );
}
