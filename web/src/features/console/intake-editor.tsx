// The questions a client answers when booking this kind of session: added, removed and moved up
// or down one at a time (at most ten), each with whether an answer is needed. Focus follows a
// change: a new question's box takes it; a moved question keeps it on the button pressed (or its
// twin, once the question reaches an end); removing gives it to "Add a question". A polite status
// says where a moved question went.
import { useEffect, useRef, useState } from 'preact/hooks';
import { Fieldset, FieldError, errorAria } from './console-fieldset';
import { maxQuestions, newQuestionKey, typeIds, type QuestionRow } from './session-type-model';

interface IntakeEditorProps {
  rows: QuestionRow[];
  errors: Record<string, string>;
  onChange: (rows: QuestionRow[]) => void;
}

const upId = (key: string) => `question-${key}-up`;
const downId = (key: string) => `question-${key}-down`;

export function IntakeEditor({ rows, errors, onChange }: IntakeEditorProps) {
  const addButton = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<string | undefined>(undefined);
  const [moved, setMoved] = useState('');
  const full = rows.length >= maxQuestions;

  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    const element = target === 'add' ? addButton.current : (document.getElementById(target) as HTMLButtonElement | null);
    if (!element) return;
    focusNext.current = undefined;
    element.focus();
  });

  const set = (key: string, change: Partial<QuestionRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const add = () => {
    if (full) return;
    const row: QuestionRow = { key: newQuestionKey(), id: '', question: '', required: false };
    focusNext.current = typeIds.question(row.key);
    setMoved('');
    onChange([...rows, row]);
  };
  const remove = (key: string) => {
    focusNext.current = 'add';
    setMoved('Question removed.');
    onChange(rows.filter((row) => row.key !== key));
  };
  const move = (index: number, by: -1 | 1) => {
    const to = index + by;
    if (to < 0 || to >= rows.length) return;
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(to, 0, row!);
    const atEnd = by === -1 ? to === 0 : to === rows.length - 1;
    const pressed = by === -1 ? upId(row!.key) : downId(row!.key);
    const twin = by === -1 ? downId(row!.key) : upId(row!.key);
    focusNext.current = atEnd ? twin : pressed;
    setMoved(`Question moved to number ${to + 1} of ${rows.length}.`);
    onChange(next);
  };

  return (
    <Fieldset
      id={typeIds.intake}
      legend="Questions before booking"
      hint="Clients answer these when they book, and only you see the answers. You can leave this empty."
      error={errors[typeIds.intake]}
    >
      {rows.length > 0 ? (
        <ol class="console-questions">
          {rows.map((row, index) => {
            const textId = typeIds.question(row.key);
            const requiredId = typeIds.required(row.key);
            const name = `question ${index + 1}`;
            return (
              <li key={row.key} class="console-question">
                <div class="form-field">
                  <label for={textId} class="form-label">
                    Question {index + 1}
                  </label>
                  <FieldError id={textId} error={errors[textId]} />
                  <textarea
                    {...errorAria(textId, errors[textId])}
                    class="form-input"
                    rows={2}
                    value={row.question}
                    onInput={(e) => set(row.key, { question: e.currentTarget.value })}
                  />
                </div>
                <FieldError id={requiredId} error={errors[requiredId]} />
                <label class="form-check console-check">
                  <input
                    {...errorAria(requiredId, errors[requiredId])}
                    type="checkbox"
                    checked={row.required}
                    onChange={(e) => set(row.key, { required: e.currentTarget.checked })}
                  />
                  <span>
                    An answer is needed to book{' '}<span class="visually-hidden">({name})</span>
                  </span>
                </label>
                <div class="console-buttons">
                  {index > 0 ? (
                    <button type="button" id={upId(row.key)} class="form-secondary" onClick={() => move(index, -1)}>
                      Move up{' '}<span class="visually-hidden">({name})</span>
                    </button>
                  ) : null}
                  {index < rows.length - 1 ? (
                    <button type="button" id={downId(row.key)} class="form-secondary" onClick={() => move(index, 1)}>
                      Move down{' '}<span class="visually-hidden">({name})</span>
                    </button>
                  ) : null}
                  <button type="button" class="form-secondary" onClick={() => remove(row.key)}>
                    Remove{' '}<span class="visually-hidden">({name})</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      ) : null}
      <p role="status" class="visually-hidden">
        {moved}
      </p>
      <button type="button" class="form-secondary" ref={addButton} onClick={add} disabled={full}>
        {rows.length === 0 ? 'Add a question' : 'Add another question'}
      </button>
      {full ? <p class="form-hint">That’s ten questions, as many as a session type can ask.</p> : null}
    </Fieldset>
  );
}
