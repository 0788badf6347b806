// The error summary at the top of a console form, from the last refused save (use-save.ts).
import { ErrorSummary } from '../../components/error-summary';
import type { Save } from './use-save';

export function SaveSummary({ save, id }: { save: Save; id: string }) {
  const problem = save.problem;
  if (!problem || (problem.items.length === 0 && !problem.general)) return null;
  return (
    <ErrorSummary
      id={id}
      title={problem.general?.title ?? 'Please check these details'}
      items={problem.items}
      attempt={save.attempt}
    >
      {problem.general?.message}
    </ErrorSummary>
  );
}
