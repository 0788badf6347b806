// Step 1 of booking: which kind of session. Each type with its length, price and description; a
// type closed to new clients is shown (so nobody wonders where it went) with why, kindly, and
// cannot be chosen.
import { useState } from 'preact/hooks';
import type { SessionType } from '../../api/scheduling';
import { durationWords } from './time-words';

interface TypeStepProps {
  types: SessionType[];
  chosen: string | undefined;
  onContinue: (type: SessionType) => void;
}

export function TypeStep({ types, chosen, onContinue }: TypeStepProps) {
  const bookable = types.filter((t) => t.bookable);
  const [picked, setPicked] = useState(() => bookable.find((t) => t.id === chosen)?.id ?? (bookable.length === 1 ? bookable[0]!.id : ''));
  const [error, setError] = useState('');

  if (types.length === 0) {
    return (
      <div class="form-panel">
        <p>Your therapist hasn’t opened any sessions for booking yet. Please look again another day.</p>
        <p>
          <a href="/sessions">Back to your sessions</a>
        </p>
      </div>
    );
  }

  return (
    <form
      class="sched-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const type = bookable.find((t) => t.id === picked);
        if (type) onContinue(type);
        else {
          setError('Choose the kind of session you’d like.');
          document.getElementById('sched-types')?.focus();
        }
      }}
    >
      <fieldset
        id="sched-types"
        tabIndex={-1}
        class="sched-fieldset"
        aria-describedby={error ? 'sched-types-error' : undefined}
        aria-invalid={error ? 'true' : undefined}
      >
        <legend class="form-label">Which kind of session would you like?</legend>
        {error ? (
          <p id="sched-types-error" class="form-error">
            <span class="visually-hidden">Error: </span>
            {error}
          </p>
        ) : null}
        <ul class="sched-type-list">
          {types.map((type) => (
            <li key={type.id} class={type.bookable ? 'sched-type' : 'sched-type is-closed'}>
              <label class="sched-type-label">
                <input
                  type="radio"
                  name="session_type"
                  value={type.id}
                  checked={picked === type.id}
                  disabled={!type.bookable}
                  aria-describedby={`sched-type-${type.id}-about`}
                  onChange={() => {
                    setPicked(type.id);
                    setError('');
                  }}
                />
                <span class="sched-type-name">{type.name}</span>
              </label>
              <div id={`sched-type-${type.id}-about`} class="sched-type-about">
                <p class="sched-type-facts">
                  {durationWords(type.duration_minutes)}
                  {type.price ? ` · ${type.price}` : ''}
                </p>
                {type.description ? <p class="sched-type-description">{type.description}</p> : null}
                {type.bookable ? null : (
                  <p class="sched-type-closed">
                    This one is for people who have already had a session with your therapist. Once you have, you can book
                    it here.
                  </p>
                )}
              </div>
            </li>
          ))}
        </ul>
      </fieldset>
      {bookable.length === 0 ? (
        <p>
          For now, none of these can be booked online. If you’d like to start working with your therapist, please contact
          them directly. <a href="/sessions">Back to your sessions</a>
        </p>
      ) : (
        <button type="submit" class="action-button form-submit">
          Continue
        </button>
      )}
    </form>
  );
}
