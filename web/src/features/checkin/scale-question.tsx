// One statement and its answer scale: a fieldset whose legend is the statement, and one native
// radio button per point with its label visible. Native radios give the keyboard behaviour for
// free (Tab into the group, arrow keys to move and choose); Enter is handled by the flow.
import type { Ref } from 'preact';
import type { Item, Scale } from '../../api/checkins';

interface ScaleQuestionProps {
  item: Item;
  scale: Scale;
  value: number | undefined;
  onChange: (value: number) => void;
  /** The legend, so the flow can move focus to the statement on each step. */
  legendRef: Ref<HTMLLegendElement>;
  /** Id of a message shown when Next was pressed with nothing chosen. */
  errorId?: string;
}

export interface ScalePoint {
  value: number;
  label: string;
}

/** Every point of the scale with its words; the number alone where the file gave none. */
export function scalePoints(scale: Scale): ScalePoint[] {
  const points: ScalePoint[] = [];
  const count = scale.max - scale.min + 1;
  const everyPoint = scale.labels.length === count;
  for (let value = scale.min; value <= scale.max; value += 1) {
    let label = String(value);
    if (everyPoint) label = scale.labels[value - scale.min] ?? label;
    else if (value === scale.min && scale.labels[0]) label = `${value}: ${scale.labels[0]}`;
    else if (value === scale.max && scale.labels.length > 1) label = `${value}: ${scale.labels[scale.labels.length - 1]}`;
    points.push({ value, label });
  }
  return points;
}

export function ScaleQuestion({ item, scale, value, onChange, legendRef, errorId }: ScaleQuestionProps) {
  const name = `answer-${item.id}`;
  return (
    <fieldset class="checkin-question" aria-describedby={errorId}>
      {/* tabIndex -1: focus lands here on each step, so the statement is read first. */}
      <legend class="checkin-statement" tabIndex={-1} ref={legendRef}>
        {item.text}
      </legend>
      <div class="checkin-options">
        {scalePoints(scale).map((point) => {
          const id = `${name}-${point.value}`;
          return (
            <div class="checkin-option" key={point.value}>
              <input
                type="radio"
                id={id}
                name={name}
                value={String(point.value)}
                checked={value === point.value}
                onChange={() => onChange(point.value)}
              />
              <label for={id}>{point.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
