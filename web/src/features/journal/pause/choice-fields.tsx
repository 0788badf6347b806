// The choice fields of the pause flow: a group of checkboxes (urges, what helped) and the
// nervous-system state as radios with "Not sure". Each is a fieldset with a legend and an
// optional hint; the words come from journal-words.ts.
import { nervousStates, type NervousState } from '../../../api/journal';
import { stateNotSure, stateWords } from '../journal-words';

interface CheckboxGroupProps {
  id: string;
  legend: string;
  hint?: string;
  options: readonly { id: string; name: string }[];
  checked: readonly string[];
  onChange: (checked: string[]) => void;
}

export function CheckboxGroup({ id, legend, hint, options, checked, onChange }: CheckboxGroupProps) {
  const toggle = (option: string, on: boolean) =>
    onChange(on ? [...checked.filter((c) => c !== option), option] : checked.filter((c) => c !== option));
  return (
    <fieldset id={id} class="pause-choices" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend class="form-label">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} class="form-hint">
          {hint}
        </p>
      ) : null}
      {options.map((option) => (
        <label key={option.id} class="form-check pause-check">
          <input
            type="checkbox"
            name={id}
            value={option.id}
            checked={checked.includes(option.id)}
            onChange={(event) => toggle(option.id, event.currentTarget.checked)}
          />
          <span>{option.name}</span>
        </label>
      ))}
    </fieldset>
  );
}

interface StateChoiceProps {
  id: string;
  legend: string;
  value: NervousState | null;
  onChange: (value: NervousState | null) => void;
}

export function StateChoice({ id, legend, value, onChange }: StateChoiceProps) {
  const options: { value: NervousState | null; name: string; hint: string }[] = [
    ...nervousStates.map((state) => ({ value: state, ...stateWords[state] })),
    { value: null, name: stateNotSure, hint: 'That’s fine too: you can leave it open.' },
  ];
  return (
    <fieldset id={id} class="pause-choices">
      <legend class="form-label">{legend}</legend>
      {options.map((option) => {
        const hintId = `${id}-${option.value ?? 'unsure'}-hint`;
        return (
          <label key={option.name} class="form-check pause-check">
            <input
              type="radio"
              name={id}
              value={option.value ?? ''}
              checked={value === option.value}
              aria-describedby={hintId}
              onChange={() => onChange(option.value)}
            />
            <span>
              {option.name}
              <span id={hintId} class="form-hint pause-check-hint">
                {option.hint}
              </span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
