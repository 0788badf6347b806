// Rows of working hours ("from 09:00 to 12:00"), added and removed one at a time, inside the
// fieldset of a weekday or a particular date. Times are native time fields, which every
// keyboard, screen reader and phone already knows. Focus follows a change: a new row's start
// takes it; removing a row gives it to the "Add hours" button.
import { useEffect, useRef } from 'preact/hooks';
import { FieldError, errorAria } from './console-fieldset';
import { ids, newRange, type RangeRow } from './schedule-model';

interface RangeRowsProps {
  rows: RangeRow[];
  /** "Monday", "24 December": names the rows to a screen reader. */
  what: string;
  errors: Record<string, string>;
  onChange: (rows: RangeRow[]) => void;
  /** The add button's words when there are no rows yet. */
  addFirst: string;
}

export function RangeRows({ rows, what, errors, onChange, addFirst }: RangeRowsProps) {
  const addButton = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<string | undefined>(undefined);

  // After the render that shows the change.
  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    const element = target === 'add' ? addButton.current : document.getElementById(target);
    if (!element) return;
    focusNext.current = undefined;
    element.focus();
  });

  const add = () => {
    const row = newRange(rows);
    focusNext.current = ids.start(row.key);
    onChange([...rows, row]);
  };
  const remove = (key: string) => {
    focusNext.current = 'add';
    onChange(rows.filter((row) => row.key !== key));
  };
  const set = (key: string, change: Partial<RangeRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));

  return (
    <>
      {rows.length > 0 ? (
        <ul class="console-ranges">
          {rows.map((row, index) => {
            const startId = ids.start(row.key);
            const endId = ids.end(row.key);
            const which = rows.length > 1 ? `${what}, hours ${index + 1}` : what;
            return (
              <li key={row.key} class="console-range">
                <div class="console-time">
                  <label for={startId} class="form-label">
                    From <span class="visually-hidden">({which})</span>
                  </label>
                  <FieldError id={startId} error={errors[startId]} />
                  <input
                    {...errorAria(startId, errors[startId])}
                    type="time"
                    class="form-input"
                    value={row.start}
                    onInput={(e) => set(row.key, { start: e.currentTarget.value })}
                  />
                </div>
                <div class="console-time">
                  <label for={endId} class="form-label">
                    To <span class="visually-hidden">({which})</span>
                  </label>
                  <FieldError id={endId} error={errors[endId]} />
                  <input
                    {...errorAria(endId, errors[endId])}
                    type="time"
                    class="form-input"
                    value={row.end}
                    onInput={(e) => set(row.key, { end: e.currentTarget.value })}
                  />
                </div>
                <button type="button" class="form-secondary console-remove" onClick={() => remove(row.key)}>
                  Remove <span class="visually-hidden">{which}</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <button type="button" class="form-secondary" ref={addButton} onClick={add}>
        {rows.length === 0 ? addFirst : 'Add more hours'}
        {' '}
        <span class="visually-hidden">on {what}</span>
      </button>
    </>
  );
}
