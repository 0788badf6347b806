// One step of booking: where it is ("Step 2 of 5", said with the step's name: the heading is
// named whole, as the journal's pause steps are), the heading, which takes focus when the step
// opens so keyboard and screen reader users start there, and the step's content.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface StepFrameProps {
  number: number;
  count: number;
  title: string;
  children: ComponentChildren;
}

export function StepFrame({ number, count, title, children }: StepFrameProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: false }), []);
  return (
    <section class="sched-step" aria-labelledby="sched-step-heading">
      <ol class="sched-dots" aria-hidden="true">
        {Array.from({ length: count }, (_, i) => (
          <li key={i} class={i + 1 < number ? 'sched-dot is-done' : i + 1 === number ? 'sched-dot is-current' : 'sched-dot'} />
        ))}
      </ol>
      <h2 id="sched-step-heading" class="sched-step-heading" tabIndex={-1} ref={heading} aria-label={`Step ${number} of ${count}: ${title}`}>
        <span class="sched-progress">
          Step {number} of {count}
        </span>{' '}
        <span>{title}</span>
      </h2>
      {children}
    </section>
  );
}
