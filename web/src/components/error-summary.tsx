// The box at the top of a form after a refused attempt (the GOV.UK pattern, WCAG 3.3.1/3.3.3):
// a title, an optional sentence for a problem that is not about one field, and a link to each
// field that needs another look. It takes focus after every failed attempt (`attempt` changes),
// so a screen reader reads it first; its links move focus to their field.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import './form.css';

export interface SummaryItem {
  /** The field's element id. */
  id: string;
  message: string;
}

interface ErrorSummaryProps {
  /** Unique on the page when a page has several forms. */
  id?: string;
  title: string;
  items?: SummaryItem[];
  /** Counts failed attempts: each new value moves focus here again. */
  attempt: number;
  children?: ComponentChildren;
}

export function ErrorSummary({ id = 'form-summary', title, items = [], attempt, children }: ErrorSummaryProps) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (attempt > 0) box.current?.focus();
  }, [attempt]);

  return (
    <div id={id} class="form-summary" tabIndex={-1} ref={box}>
      <h2 id={`${id}-title`} class="form-summary-title">
        {title}
      </h2>
      {children}
      {items.length > 0 ? (
        <ul class="form-summary-list">
          {items.map((item) => (
            <li key={item.id}>
              <a
                href={`#${item.id}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(item.id)?.focus();
                }}
              >
                {item.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
