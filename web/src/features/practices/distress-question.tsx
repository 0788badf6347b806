// "How distressed do you feel, 0–10?": eleven radios in a row, optional. Leaving it blank is a
// full answer; "Clear" takes a choice back. The ends are named so the numbers mean something.
import { HelpButton } from '../safety/help-button';
import { distressHelpThreshold } from './words';

interface DistressQuestionProps {
  /** Unique within the page: names the radio group. */
  name: string;
  legend: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
}

const points = Array.from({ length: 11 }, (_, i) => i);

export function DistressQuestion({ name, legend, value, onChange }: DistressQuestionProps) {
  const hintId = `${name}-hint`;
  return (
    <fieldset class="distress" aria-describedby={hintId}>
      <legend class="form-label">{legend}</legend>
      <p id={hintId} class="form-hint">
        0 is calm, 10 is the most distressed you can imagine. You can leave this blank.
      </p>
      <div class="distress-scale">
        {points.map((point) => (
          <label key={point} class="distress-point">
            <input
              type="radio"
              name={name}
              value={point}
              checked={value === point}
              onChange={() => onChange(point)}
            />
            <span>{point}</span>
          </label>
        ))}
      </div>
      <div class="distress-ends" aria-hidden="true">
        <span>Calm</span>
        <span>Most distressed</span>
      </div>
      {value !== undefined ? (
        <button type="button" class="form-secondary distress-clear" onClick={() => onChange(undefined)}>
          Clear my answer
        </button>
      ) : null}
      {value !== undefined && value >= distressHelpThreshold ? (
        <p class="practice-care">
          That sounds really hard. If you feel unsafe, or need someone now, you don’t have to manage it alone:{' '}
          <HelpButton class="practice-care-help">see who you can call or text</HelpButton>.
        </p>
      ) : null}
    </fieldset>
  );
}
