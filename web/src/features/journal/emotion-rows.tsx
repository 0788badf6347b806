// The feelings of a trigger log: rows of the learner's own word for a feeling and how strong it
// was (a 0–10 slider showing its number), added and taken away one at a time, at most 12. Focus
// follows: a new row's word box takes it; removing a row gives it to the "Add a feeling" button.
import { useEffect, useRef } from 'preact/hooks';
import { journalLimits } from '../../api/journal';
import { defaultIntensity, emotionIntensityId, emotionNameId, fieldId, type EmotionRow } from './form-model';
import { Fieldset } from './form-controls';

interface EmotionRowsProps {
  rows: EmotionRow[];
  /** The server's sentences, by element id. */
  errors: Record<string, string>;
  onChange: (rows: EmotionRow[]) => void;
  /** A key for a new row, unique within the form. */
  newKey: () => string;
}

/** Words offered while typing; the learner's own word is always fine. */
const suggestions = ['afraid', 'anxious', 'sad', 'lonely', 'hurt', 'angry', 'ashamed', 'jealous', 'guilty', 'numb', 'relieved', 'calm'];

export function EmotionRows({ rows, errors, onChange, newKey }: EmotionRowsProps) {
  const id = fieldId('trigger', 'emotions');
  const addButton = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<string | 'add' | undefined>(undefined);
  const full = rows.length >= journalLimits.emotions;

  // After the render that shows the change; kept until the element is there to take focus.
  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    const element = target === 'add' ? addButton.current : document.getElementById(target);
    if (!element) return;
    focusNext.current = undefined;
    element.focus();
  });

  const add = () => {
    if (full) return;
    const key = newKey();
    focusNext.current = emotionNameId(key);
    onChange([...rows, { key, name: '', intensity: defaultIntensity }]);
  };
  const remove = (key: string) => {
    focusNext.current = 'add';
    onChange(rows.filter((row) => row.key !== key));
  };
  const set = (key: string, change: Partial<EmotionRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));

  return (
    <Fieldset
      id={id}
      legend="What did you feel?"
      hint="Name each feeling in your own words and say how strong it was."
      error={errors[id]}
    >
      <datalist id="journal-feeling-words">
        {suggestions.map((word) => (
          <option key={word} value={word} />
        ))}
      </datalist>
      {rows.length > 0 ? (
        <ul class="journal-emotions">
          {rows.map((row, index) => {
            const nameId = emotionNameId(row.key);
            const strengthId = emotionIntensityId(row.key);
            const what = row.name.trim() || `feeling ${index + 1}`;
            return (
              <li key={row.key} class="journal-emotion">
                <div class="journal-emotion-name">
                  <label for={nameId} class="form-label">
                    Feeling {index + 1}
                  </label>
                  {errors[nameId] ? (
                    <p id={`${nameId}-error`} class="form-error">
                      <span class="visually-hidden">Error: </span>
                      {errors[nameId]}
                    </p>
                  ) : null}
                  <input
                    id={nameId}
                    type="text"
                    class="form-input"
                    list="journal-feeling-words"
                    autocomplete="off"
                    value={row.name}
                    aria-invalid={errors[nameId] ? 'true' : undefined}
                    aria-describedby={errors[nameId] ? `${nameId}-error` : undefined}
                    onInput={(e) => set(row.key, { name: e.currentTarget.value })}
                  />
                </div>
                <div class="journal-emotion-strength">
                  <label for={strengthId} class="form-label">
                    How strong <span class="visually-hidden">was {what}</span>
                  </label>
                  {errors[strengthId] ? (
                    <p id={`${strengthId}-error`} class="form-error">
                      <span class="visually-hidden">Error: </span>
                      {errors[strengthId]}
                    </p>
                  ) : null}
                  <div class="journal-slider">
                    <input
                      id={strengthId}
                      type="range"
                      min={0}
                      max={journalLimits.intensityMax}
                      step={1}
                      value={row.intensity}
                      aria-valuetext={`${row.intensity} out of 10`}
                      aria-invalid={errors[strengthId] ? 'true' : undefined}
                      aria-describedby={errors[strengthId] ? `${strengthId}-error` : undefined}
                      onInput={(e) => set(row.key, { intensity: Number(e.currentTarget.value) })}
                    />
                    <output for={strengthId} class="journal-slider-value">
                      {row.intensity}
                      <span class="visually-hidden"> out of 10</span>
                    </output>
                  </div>
                </div>
                <button type="button" class="form-secondary journal-remove" onClick={() => remove(row.key)}>
                  Remove <span class="visually-hidden">{what}</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <button type="button" class="form-secondary" ref={addButton} onClick={add} disabled={full}>
        {rows.length === 0 ? 'Add a feeling' : 'Add another feeling'}
      </button>
      {full ? <p class="form-hint">That’s 12 feelings, as many as an entry can hold.</p> : null}
    </Fieldset>
  );
}
