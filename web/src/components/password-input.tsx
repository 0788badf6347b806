// A password box with a "Show password" toggle beside it, so people can check what they typed
// (WCAG 3.3.8 allows pasting and managers; showing helps everyone else). The toggle is a
// pressed/not-pressed button whose name stays the same, as screen readers expect of toggles.
import { useState } from 'preact/hooks';
import type { FieldAria } from './form-field';
import './form.css';

interface PasswordInputProps {
  aria: FieldAria;
  name: string;
  value: string;
  onValue: (value: string) => void;
  autocomplete: 'current-password' | 'new-password';
}

export function PasswordInput({ aria, name, value, onValue, autocomplete }: PasswordInputProps) {
  const [shown, setShown] = useState(false);
  const props = {
    ...aria,
    name,
    value,
    onInput: (event: Event) => onValue((event.currentTarget as HTMLInputElement).value),
    class: 'form-input',
    autocomplete,
    autocapitalize: 'off',
    spellcheck: false,
    maxLength: 256,
  } as const;

  return (
    <div class="form-password">
      {/* Same tag in the same place: Preact keeps the one element and swaps its type. */}
      {shown ? <input type="text" {...props} /> : <input type="password" {...props} />}
      <button
        type="button"
        class="form-toggle"
        aria-controls={aria.id}
        aria-pressed={shown}
        onClick={() => setShown((now) => !now)}
      >
        Show password
      </button>
    </div>
  );
}
