// The pieces the journal's entry forms are built from: a text box that counts characters only
// near its limit, a set of checkboxes in a fieldset, a 0–10 rating as radios that can be left
// blank, and the nervous-system state as radios with "Not sure". Each takes the server's
// sentence for it (`error`) and shows it by the field, wired up as the house FormField does.
import type { ComponentChildren } from 'preact';
import { FormField } from '../../components/form-field';
import { nervousStates, type NervousState } from '../../api/journal';
import { lengthOf } from './journal-format';
import { stateNotSure, stateWords } from './journal-words';

/** Counting starts at nine tenths of the limit: before that a counter is only noise. */
export function nearLimit(length: number, limit: number): boolean {
  return length >= Math.floor(limit * 0.9);
}

export function counterWords(length: number, limit: number): string {
  const left = limit - length;
  if (left >= 0) return left === 1 ? '1 character left' : `${left.toLocaleString('en-GB')} characters left`;
  const over = -left;
  return `${over.toLocaleString('en-GB')} ${over === 1 ? 'character' : 'characters'} over the limit: please shorten it a little`;
}

interface TextProps {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  value: string;
  limit: number;
  /** A box for paragraphs (rows) or a single line. */
  rows?: number;
  autocomplete?: string;
  onValue: (value: string) => void;
}

/**
 * A labelled text box. No maxLength: the browser would count differently from the server and
 * would cut pasted words off without a word; the counter says what to do instead.
 */
export function TextField({ id, label, hint, error, value, limit, rows, autocomplete = 'off', onValue }: TextProps) {
  const length = lengthOf(value);
  const counting = nearLimit(length, limit);
  const counterId = `${id}-count`;
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      {(aria) => {
        const describedBy = [aria['aria-describedby'], counting ? counterId : undefined].filter(Boolean).join(' ');
        const props = { ...aria, 'aria-describedby': describedBy || undefined, class: 'form-input', value };
        return (
          <>
            {rows ? (
              <textarea {...props} class="form-input journal-textarea" rows={rows} onInput={(e) => onValue(e.currentTarget.value)} />
            ) : (
              <input {...props} type="text" autocomplete={autocomplete} onInput={(e) => onValue(e.currentTarget.value)} />
            )}
            {counting ? (
              <p id={counterId} class={length > limit ? 'journal-count journal-count-over' : 'journal-count'}>
                {counterWords(length, limit)}
              </p>
            ) : null}
          </>
        );
      }}
    </FormField>
  );
}

interface FieldsetProps {
  id: string;
  legend: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  class?: string;
  children: ComponentChildren;
}

/**
 * A fieldset whose legend names the question; it takes focus from the error summary
 * (tabIndex -1), and its hint and error are read with the group.
 */
export function Fieldset({ id, legend, hint, error, class: className, children }: FieldsetProps) {
  const describedBy = [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined].filter(Boolean).join(' ');
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      class={className ? `journal-fieldset ${className}` : 'journal-fieldset'}
      aria-describedby={describedBy || undefined}
      aria-invalid={error ? 'true' : undefined}
    >
      <legend class="form-label">{legend}</legend>
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
      {children}
    </fieldset>
  );
}

interface ChoicesProps {
  id: string;
  legend: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  /** Ids in the order shown, with their words. */
  options: readonly (readonly [string, string])[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
}

/** Checkboxes: choose any number. The order chosen is kept in the order of `options`. */
export function Choices({ id, legend, hint, error, options, chosen, onChange }: ChoicesProps) {
  const toggle = (option: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(option);
    else next.delete(option);
    // Ids the app does not offer (kept from an older version) stay as they were.
    const known = options.map(([value]) => value);
    onChange([...chosen.filter((c) => !known.includes(c)), ...known.filter((value) => next.has(value))]);
  };
  return (
    <Fieldset id={id} legend={legend} hint={hint} error={error}>
      <ul class="journal-choices">
        {options.map(([value, words]) => (
          <li key={value}>
            <label class="form-check journal-check">
              <input
                type="checkbox"
                id={`${id}-${value}`}
                name={id}
                value={value}
                checked={chosen.includes(value)}
                onChange={(e) => toggle(value, e.currentTarget.checked)}
              />
              <span>{words}</span>
            </label>
          </li>
        ))}
      </ul>
    </Fieldset>
  );
}

const points = Array.from({ length: 11 }, (_, i) => i);

interface RatingProps {
  id: string;
  legend: ComponentChildren;
  error?: string | undefined;
  value: number | null;
  onChange: (value: number | null) => void;
  children?: ComponentChildren;
}

/** How intense, 0–10: eleven radios with the ends named, optional, and a way to take it back. */
export function Rating({ id, legend, error, value, onChange, children }: RatingProps) {
  return (
    <Fieldset
      id={id}
      legend={legend}
      hint="0 is calm, 10 is the most intense you can imagine. You can leave this blank."
      error={error}
    >
      <div class="journal-scale">
        {points.map((point) => (
          <label key={point} class="journal-point">
            <input type="radio" name={id} value={point} checked={value === point} onChange={() => onChange(point)} />
            <span>{point}</span>
          </label>
        ))}
      </div>
      <div class="journal-scale-ends" aria-hidden="true">
        <span>Calm</span>
        <span>Most intense</span>
      </div>
      {value !== null ? (
        <button type="button" class="form-secondary journal-clear" onClick={() => onChange(null)}>
          Clear this answer
        </button>
      ) : null}
      {children}
    </Fieldset>
  );
}

interface StateProps {
  id: string;
  error?: string | undefined;
  value: NervousState | null;
  onChange: (value: NervousState | null) => void;
}

/** Settled, stirred up, shut down, or not sure (null). */
export function StateQuestion({ id, error, value, onChange }: StateProps) {
  const options: [NervousState | null, string, string][] = [
    ...nervousStates.map((state): [NervousState, string, string] => [state, stateWords[state].name, stateWords[state].hint]),
    [null, stateNotSure, 'That’s fine: it can be hard to tell.'],
  ];
  return (
    <Fieldset id={id} legend="How did your nervous system feel?" error={error}>
      <ul class="journal-choices">
        {options.map(([state, name, hint]) => {
          const optionId = `${id}-${state ?? 'not-sure'}`;
          return (
            <li key={optionId}>
              <label class="form-check journal-check">
                <input
                  type="radio"
                  id={optionId}
                  name={id}
                  value={state ?? ''}
                  checked={value === state}
                  onChange={() => onChange(state)}
                />
                <span>
                  {name}
                  <span class="journal-check-hint">{hint}</span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </Fieldset>
  );
}
