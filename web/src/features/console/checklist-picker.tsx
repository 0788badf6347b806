// Choosing several places from a long list (countries, US states): the chosen ones first, each a
// button that takes it off again, then a search box that narrows a scrolling list of checkboxes.
// Plain checkboxes in a fieldset, so every keyboard and screen reader already knows how to use
// it; a polite status says how many places match what she typed.
import { useMemo, useState } from 'preact/hooks';
import { Fieldset } from './console-fieldset';

export interface PickerOption {
  code: string;
  name: string;
}

interface ChecklistPickerProps {
  id: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  /** "country", "state": for "Find a country" and "3 countries match". */
  noun: string;
  nouns: string;
  options: readonly PickerOption[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
}

/** Folds case and accents, so "cote" finds Côte d’Ivoire. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export function ChecklistPicker({ id, legend, hint, error, noun, nouns, options, chosen, onChange }: ChecklistPickerProps) {
  const [search, setSearch] = useState('');
  const names = useMemo(() => new Map(options.map((o) => [o.code, o.name])), [options]);
  const wanted = fold(search.trim());
  const shown = wanted
    ? options.filter((o) => fold(o.name).includes(wanted) || o.code.toLowerCase() === wanted)
    : options;
  const toggle = (code: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(code);
    else next.delete(code);
    // In the order of the list, so the body does not depend on the order of clicks.
    const order = options.map((o) => o.code);
    onChange([...next].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  };
  const searchId = `${id}-search`;
  const chosenNames = chosen.map((code) => ({ code, name: names.get(code) ?? code }));

  return (
    <Fieldset id={id} legend={legend} hint={hint} error={error}>
      {chosenNames.length > 0 ? (
        <>
          <p class="form-hint" id={`${id}-chosen-title`}>
            Chosen ({chosenNames.length}); choose one to take it off:
          </p>
          <ul class="console-chosen" aria-labelledby={`${id}-chosen-title`}>
            {chosenNames.map(({ code, name }) => (
              <li key={code}>
                <button type="button" class="console-chip" onClick={() => toggle(code, false)}>
                  <span class="visually-hidden">Take off</span> {name}
                  <span aria-hidden="true"> ×</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="form-hint">None chosen yet.</p>
      )}
      <label for={searchId} class="form-label">
        Find a {noun}
      </label>
      <input
        id={searchId}
        type="search"
        class="form-input"
        autocomplete="off"
        value={search}
        onInput={(e) => setSearch(e.currentTarget.value)}
      />
      <p role="status" class="visually-hidden">
        {wanted ? `${shown.length} ${shown.length === 1 ? `${noun} matches` : `${nouns} match`}.` : ''}
      </p>
      {shown.length > 0 ? (
        <ul class="console-picker-list">
          {shown.map((o) => (
            <li key={o.code}>
              <label class="form-check console-check">
                <input
                  type="checkbox"
                  name={id}
                  value={o.code}
                  checked={chosen.includes(o.code)}
                  onChange={(e) => toggle(o.code, e.currentTarget.checked)}
                />
                <span>{o.name}</span>
              </label>
            </li>
          ))}
        </ul>
      ) : (
        <p class="form-muted">No {noun} matches “{search.trim()}”.</p>
      )}
    </Fieldset>
  );
}
