// Trigger logs week by week, each week's bar stacked by the nervous-system state noted: one
// image to assistive technology (role img, named), with the sentence above it and the numbers in
// a hidden table. Each state has its own fill pattern as well as its own colour (solid,
// diagonal stripes, dots, level lines), and a legend names them, so colour is never the only
// cue. Colours come from the design tokens, so dark mode follows; nothing moves.
import type { InsightWeek, StateOrUnknown } from '../../../api/journal';
import { weekWords } from '../../practices/history-words';
import { stateName } from '../journal-words';
import { HiddenTable } from './hidden-table';
import { stackOrder, weeksSentence } from './insight-words';

const width = 240;
const height = 120;
/** The tallest bar stands for at least this many logs, so one log is not a tower. */
const minimumScale = 4;

const patternId: Record<StateOrUnknown, string> = {
  activated: 'insight-state-activated',
  shut_down: 'insight-state-shut-down',
  settled: 'insight-state-settled',
  unknown: 'insight-state-unknown',
};

export const weeksChartLabel = 'Bar chart: your trigger logs in each week, stacked by the state you noted';

export function StateWeeksChart({ weeks }: { weeks: InsightWeek[] }) {
  if (weeks.length === 0) return null;
  const scale = Math.max(minimumScale, ...weeks.map((week) => week.count));
  const slot = width / weeks.length;
  const plotHeight = height - 1;

  return (
    <figure class="insight-figure">
      <figcaption class="insight-sentence">{weeksSentence(weeks)}</figcaption>
      <div class="insight-plot" role="img" aria-label={weeksChartLabel}>
        <svg class="insight-weeks" viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
          <StatePatterns />
          <rect class="insight-base" x="0" y={height - 0.75} width={width} height="0.75" />
          {weeks.map((week, i) => {
            let top = plotHeight;
            return stackOrder.map((state) => {
              const count = week.states[state] ?? 0;
              if (count <= 0) return null;
              const h = (count / scale) * plotHeight;
              top -= h;
              return (
                <rect
                  key={`${week.week_start}-${state}`}
                  class="insight-segment"
                  x={i * slot + slot * 0.15}
                  y={top}
                  width={slot * 0.7}
                  height={h}
                  fill={`url(#${patternId[state]})`}
                />
              );
            });
          })}
        </svg>
        <div class="insight-ends">
          <span>Week of {weekWords(weeks[0]!.week_start)}</span>
          <span>This week</span>
        </div>
        <ul class="insight-legend">
          {stackOrder.map((state) => (
            <li key={state}>
              <svg class="insight-swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <rect x="0.5" y="0.5" width="15" height="15" rx="2" fill={`url(#${patternId[state]})`} class="insight-swatch-box" />
              </svg>
              {stateName(state)}
            </li>
          ))}
        </ul>
      </div>
      <HiddenTable
        caption="Trigger logs each week, oldest first, by the state you noted"
        head={['Week starting', 'Trigger logs', ...stackOrder.map((state) => stateName(state))]}
        rows={weeks.map((week) => ({
          key: week.week_start,
          cells: [weekWords(week.week_start), week.count, ...stackOrder.map((state) => week.states[state] ?? 0)],
        }))}
      />
    </figure>
  );
}

/** The four fills, defined once per chart and used by the bars and the legend. */
function StatePatterns() {
  return (
    <defs>
      <pattern id={patternId.activated} patternUnits="userSpaceOnUse" width="4" height="4">
        <rect class="insight-fill-strong" width="4" height="4" />
      </pattern>
      <pattern id={patternId.shut_down} patternUnits="userSpaceOnUse" width="4" height="4" patternTransform="rotate(45)">
        <rect class="insight-fill-soft" width="4" height="4" />
        <rect class="insight-fill-strong" width="1.6" height="4" />
      </pattern>
      <pattern id={patternId.settled} patternUnits="userSpaceOnUse" width="4" height="4">
        <rect class="insight-fill-soft" width="4" height="4" />
        <circle class="insight-fill-strong" cx="2" cy="2" r="0.9" />
      </pattern>
      <pattern id={patternId.unknown} patternUnits="userSpaceOnUse" width="4" height="4">
        <rect class="insight-fill-sunken" width="4" height="4" />
        <rect class="insight-fill-muted" width="4" height="1.2" />
      </pattern>
    </defs>
  );
}
