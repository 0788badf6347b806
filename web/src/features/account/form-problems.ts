// Field errors from a refused request: the server names each field in problem+json `errors[]`
// with a short phrase ("must be at least 8 characters"); the form shows a whole, kind sentence
// beside the field and in the summary ("Your password must be at least 8 characters.").
import type { SummaryItem } from '../../components/error-summary';
import { ApiError } from '../../api/problem';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** "must be at least 8 characters" about "your password" → "Your password must be at least 8 characters." */
export function fieldSentence(noun: string, message: string): string {
  const text = message.trim().replace(/\.$/, '');
  if (text === '') return `Please check ${noun}.`;
  if (text === 'must be text') return `Please enter ${noun} as text.`;
  // Already a sentence of its own.
  if (/^[A-Z]/.test(text)) return `${text}.`;
  if (text.startsWith('it ') || text.startsWith('the ')) return `Please check ${noun}: ${text}.`;
  return `${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${text}.`;
}

/** The refused fields among `fields`, each as a sentence, or {} when the error names none. */
export function fieldErrorsFrom<F extends string>(
  error: unknown,
  fields: readonly F[],
  sentence: (field: F, message: string) => string,
): FieldErrors<F> {
  const found: FieldErrors<F> = {};
  if (!(error instanceof ApiError)) return found;
  for (const { field, message } of error.errors) {
    if ((fields as readonly string[]).includes(field) && !found[field as F]) {
      found[field as F] = sentence(field as F, message);
    }
  }
  return found;
}

/** The summary's links, in the order the form shows its fields. */
export function summaryItems<F extends string>(
  errors: FieldErrors<F>,
  order: readonly F[],
  idFor: (field: F) => string,
): SummaryItem[] {
  return order.flatMap((field) => {
    const message = errors[field];
    return message ? [{ id: idFor(field), message }] : [];
  });
}

export function hasFieldErrors<F extends string>(errors: FieldErrors<F>): boolean {
  return Object.values(errors).some(Boolean);
}
