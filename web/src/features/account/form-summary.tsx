// The error summary of an account form: nothing until an attempt is refused, then the summary
// with a link to each field and, for a problem that is not about one field, its own title and
// sentence (useFormStatus's `general`). Every account form showed it this same way.
import type { ComponentChildren } from 'preact';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary';

interface FormSummaryProps {
  /** Unique on the page when a page has several forms. */
  id?: string;
  items: SummaryItem[];
  general: { title: string; message: ComponentChildren } | undefined;
  attempt: number;
  /** The title when only fields need another look. */
  title?: string;
}

export function FormSummary({ id, items, general, attempt, title = 'Please check these details' }: FormSummaryProps) {
  if (items.length === 0 && !general) return null;
  return (
    <ErrorSummary id={id} title={general?.title ?? title} items={items} attempt={attempt}>
      {general ? <p>{general.message}</p> : null}
    </ErrorSummary>
  );
}
