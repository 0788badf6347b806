// One step of "pause before reacting": where it is in the flow ("Step 2 of 3", in the heading
// itself so a screen reader hears it with the step's name), the heading, which takes focus when
// the step opens, the step's own content, and a quiet way to stop that keeps the draft.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export const stepCount = 3;

interface StepFrameProps {
  number: 1 | 2 | 3;
  title: string;
  children: ComponentChildren;
  /** Whether there is anything to keep yet: the stop line says so only then. */
  keeps: boolean;
}

export function StepFrame({ number, title, children, keeps }: StepFrameProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="pause-step" aria-labelledby="pause-step-heading">
      <ol class="pause-dots" aria-hidden="true">
        {Array.from({ length: stepCount }, (_, i) => (
          <li key={i} class={i + 1 < number ? 'pause-dot is-done' : i + 1 === number ? 'pause-dot is-current' : 'pause-dot'} />
        ))}
      </ol>
      {/* The name is given whole: Chromium reads a visually hidden ":" between the two lines as
          "Step 1 of 3 : Notice…", with a stray space. */}
      <h2
        id="pause-step-heading"
        class="pause-heading"
        tabIndex={-1}
        ref={heading}
        aria-label={`Step ${number} of ${stepCount}: ${title}`}
      >
        <span class="pause-progress">
          Step {number} of {stepCount}
        </span>{' '}
        <span class="pause-title">{title}</span>
      </h2>
      {children}
      <p class="pause-stop">
        <a href="/journal">Stop for now</a>
        {keeps ? <span class="form-muted">: what you wrote stays on this device as a draft.</span> : null}
      </p>
    </section>
  );
}
