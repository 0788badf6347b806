// One labelled form field: its label, an optional hint, the error beside it when there is one,
// and the control itself. The control gets its accessible wiring from `aria` (id, aria-invalid,
// aria-describedby naming the hint and the error), so every field reads the same way:
// label, hint, error, value. Styles in form.css.
import type { ComponentChildren, VNode } from 'preact';
import './form.css';

export interface FieldAria {
  id: string;
  'aria-invalid'?: 'true';
  'aria-describedby'?: string;
}

interface FormFieldProps {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  /** The sentence saying what to fix; shown beside the field, and the field is marked invalid. */
  error?: string | undefined;
  children: (aria: FieldAria) => VNode;
}

export function fieldAria(id: string, hasHint: boolean, error: string | undefined): FieldAria {
  const describedBy = [hasHint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined].filter(Boolean);
  const aria: FieldAria = { id };
  if (error) aria['aria-invalid'] = 'true';
  if (describedBy.length > 0) aria['aria-describedby'] = describedBy.join(' ');
  return aria;
}

export function FormField({ id, label, hint, error, children }: FormFieldProps) {
  return (
    <div class="form-field">
      <label for={id} class="form-label">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} class="form-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} class="form-error">
          <span class="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {children(fieldAria(id, Boolean(hint), error))}
    </div>
  );
}
