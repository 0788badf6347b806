// Minutes of practice week by week, as bars: a sentence saying what the chart shows and its sum,
// the bars and each week's minutes for the eye, and the same numbers (with the number of
// practices) in a table for screen readers. The picture adds nothing the words do not say.
// Bars are SVG rects sized by attribute, because the CSP allows no style attributes.
import type { WeekStats } from '../../api/practice-sessions';
import { minutesWords, timesWords, weekWords } from './history-words';

const width = 120;
const height = 48;
/** The tallest bar stands for at least this many minutes, so one short week is not a tower. */
const minimumScale = 10;

export function WeekChart({ weeks }: { weeks: WeekStats[] }) {
  if (weeks.length === 0) return null;
  const first = weeks[0]!;
  const times = weeks.reduce((sum, week) => sum + week.sessions, 0);
  const minutes = weeks.reduce((sum, week) => sum + week.minutes, 0);
  const scale = Math.max(minimumScale, ...weeks.map((week) => week.minutes));
  const slot = width / weeks.length;

  return (
    <figure class="week-chart">
      <figcaption class="week-chart-caption">
        Minutes of practice in each of the last {weeks.length} weeks, from the week of {weekWords(first.start)} on the
        left to this week on the right.{' '}
        {times > 0
          ? `Over these weeks you practised ${timesWords(times)}, ${minutesWords(minutes)} in all.`
          : 'Nothing is recorded in these weeks yet. Whenever you come back to a practice, it will show here.'}
      </figcaption>
      <div class="week-chart-plot" aria-hidden="true">
        <ol class="week-chart-values">
          {weeks.map((week) => (
            <li key={week.start}>{week.sessions > 0 ? barLabel(week.minutes) : ''}</li>
          ))}
        </ol>
        <svg class="week-chart-bars" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" focusable="false">
          <rect class="week-chart-base" x="0" y={height - 0.5} width={width} height="0.5" />
          {weeks.map((week, i) => {
            if (week.sessions <= 0 && week.minutes <= 0) return null;
            const barHeight = Math.max(1.5, (week.minutes / scale) * (height - 1));
            return (
              <rect
                key={week.start}
                class="week-chart-bar"
                x={i * slot + slot * 0.18}
                y={height - barHeight}
                width={slot * 0.64}
                height={barHeight}
              />
            );
          })}
        </svg>
      </div>
      <div class="week-chart-ends" aria-hidden="true">
        <span>{weekWords(first.start)}</span>
        <span>This week</span>
      </div>
      <table class="visually-hidden">
        <caption>Practice each week, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Week starting</th>
            <th scope="col">Times practised</th>
            <th scope="col">Minutes</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.start}>
              <th scope="row">{weekWords(week.start)}</th>
              <td>{week.sessions}</td>
              <td>{Math.round(week.minutes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** The number over a bar: whole minutes, or "<1" for a little practice. */
function barLabel(minutes: number): string {
  return minutes < 0.5 ? '<1' : String(Math.round(minutes));
}
