// Before a practice: what to do, how long, how fast to breathe (where that can be chosen), and
// an optional distress rating. A rating of 9 or 10 brings "Need help now" forward on "Begin",
// once; beginning again after that is always possible.
import { useState } from 'preact/hooks';
import type { Practice } from '../../api/practices';
import { openHelpPanel } from '../safety/help-request';
import { DistressQuestion } from './distress-question';
import { distressHelpThreshold, minutesText } from './words';

export interface Choices {
  minutes: number;
  /** Breaths a minute; null when the practice has no adjustable rate. */
  rate: number | null;
  distressBefore: number | undefined;
}

interface BeforeScreenProps {
  practice: Practice;
  initial?: Partial<Choices>;
  onBegin: (choices: Choices) => void;
}

export function BeforeScreen({ practice, initial, onBegin }: BeforeScreenProps) {
  const rate = practice.breathing?.rate ?? null;
  const [minutes, setMinutes] = useState(initial?.minutes ?? practice.default_duration);
  const [breaths, setBreaths] = useState<number | null>(initial?.rate ?? rate?.default ?? null);
  const [distress, setDistress] = useState<number | undefined>(undefined);
  const [helpOffered, setHelpOffered] = useState(false);

  function begin(event: Event) {
    event.preventDefault();
    if (distress !== undefined && distress >= distressHelpThreshold && !helpOffered) {
      setHelpOffered(true);
      openHelpPanel();
      return;
    }
    onBegin({ minutes, rate: breaths, distressBefore: distress });
  }

  const rates = rate ? range(rate.min, rate.max) : [];
  return (
    <form class="practice-before" onSubmit={begin} noValidate>
      <p class="page-lede practice-summary">{practice.summary}</p>
      <div class="practice-instructions" dangerouslySetInnerHTML={{ __html: practice.instructions_html }} />

      <fieldset class="practice-choice">
        <legend class="form-label">How long?</legend>
        <div class="chip-row">
          {practice.durations.map((choice) => (
            <label key={choice} class="chip">
              <input
                type="radio"
                name="minutes"
                value={choice}
                checked={minutes === choice}
                onChange={() => setMinutes(choice)}
              />
              <span>{minutesText(choice)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      {rate ? (
        <fieldset class="practice-choice" aria-describedby="rate-hint">
          <legend class="form-label">Breaths a minute</legend>
          <p id="rate-hint" class="form-hint">
            About {rate.default} suits most people. Fewer means longer, slower breaths; choose what feels easy.
          </p>
          <div class="chip-row">
            {rates.map((choice) => (
              <label key={choice} class="chip">
                <input
                  type="radio"
                  name="rate"
                  value={choice}
                  checked={breaths === choice}
                  onChange={() => setBreaths(choice)}
                />
                <span>{choice}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}

      <DistressQuestion
        name="distress-before"
        legend={'How distressed do you feel right now, 0\u2060–\u206010?'}
        value={distress}
        onChange={(value) => {
          setDistress(value);
          setHelpOffered(false);
        }}
      />

      {helpOffered ? (
        <p class="practice-care" role="status">
          Thank you for saying how it is. The people in “Need help now” are there for moments like this. When you are
          ready, you can still begin the practice: it may help a little alongside them.
        </p>
      ) : null}

      <button type="submit" class="action-button practice-begin">
        {helpOffered ? 'Begin the practice' : 'Begin'}
      </button>

      {practice.evidence ? (
        <details class="practice-evidence">
          <summary>How well studied is this?</summary>
          <p>{practice.evidence}</p>
        </details>
      ) : null}
    </form>
  );
}

function range(min: number, max: number): number[] {
  const out: number[] = [];
  for (let n = Math.ceil(min); n <= Math.floor(max); n += 1) out.push(n);
  return out;
}
