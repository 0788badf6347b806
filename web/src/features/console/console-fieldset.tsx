// A fieldset whose legend names the question. It can take focus from the error summary
// (tabIndex -1), and its hint and error are read with the group. Styles in console.css.
import type { ComponentChildren } from 'preact';

interface FieldsetProps {
  id: string;
  legend: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  class?: string;
  children: ComponentChildren;
}

export function Fieldset({ id, legend, hint, error, class: className, children }: FieldsetProps) {
  const describedBy = [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined].filter(Boolean).join(' ');
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      class={className ? `console-fieldset ${className}` : 'console-fieldset'}
      aria-describedby={describedBy || undefined}
    >
      <legend class="form-label">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} class="form-hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={id} error={error} />
      {children}
    </fieldset>
  );
}

/** The sentence saying what to fix, for the control `id` (wired up by aria-describedby). */
export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} class="form-error">
      <span class="visually-hidden">Error: </span>
      {error}
    </p>
  );
}

/** Props that wire a control to its error sentence. */
export function errorAria(id: string, error: string | undefined, hintId?: string) {
  const describedBy = [hintId, error ? `${id}-error` : undefined].filter(Boolean).join(' ');
  return {
    id,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy || undefined,
  };
}

interface RadioProps {
  name: string;
  checked: boolean;
  onChoose: () => void;
  children: ComponentChildren;
}

/** One choice of a radio group, its words beside it (the whole line is the target). */
export function Radio({ name, checked, onChoose, children }: RadioProps) {
  return (
    <label class="form-check">
      <input type="radio" name={name} checked={checked} onChange={onChoose} />
      <span>{children}</span>
    </label>
  );
}
