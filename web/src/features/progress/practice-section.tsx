// Practice over time: minutes week by week (the practice history's own chart), the average
// distress the learner rated before and after, and each practice with how often it was done.
// Said plainly as what they reported, not a measurement of health. No streaks.
import { changeWords, minutesWords, ratedNeeded, timesWords } from '../practices/history-words';
import { WeekChart } from '../practices/week-chart';
import type { PracticeStats } from '../../api/practice-sessions';
import type { PracticePart } from './progress-data';

export function PracticeSection({ part }: { part: PracticePart }) {
  const { stats } = part;
  if (stats.totals.sessions === 0) {
    return (
      <p>
        When you finish a practice while logged in, the minutes you practised each week will show here, and, if you
        rate how you feel before and after, how your distress tended to change. <a class="progress-screen-only" href="/practices">Choose a practice</a>
      </p>
    );
  }
  return (
    <>
      <WeekChart weeks={stats.weeks} />
      <h3>Before and after</h3>
      <p class="progress-effect">{effectWords(part)}</p>
      <p class="form-muted">
        These are the ratings you gave, from 0 (calm) to 10 (the most distress). They show how practice felt to you, not
        a measurement of your health.
      </p>
      <PracticeTable
        practices={stats.practices}
        changeHeading="Distress before and after"
        change={(p) => changeWords(p.distress.mean_change, p.distress.n)}
      />
    </>
  );
}

interface PracticeTableProps {
  practices: PracticeStats[];
  /** The last column's heading, and its words for each practice. */
  changeHeading: string;
  change: (practice: PracticeStats) => string;
}

/** Each practice over all time: how often, how long, and how distress moved (also in the console). */
export function PracticeTable({ practices, changeHeading, change }: PracticeTableProps) {
  return (
    <div class="checkin-table-wrap">
      <table class="checkin-table progress-table">
        <caption>Each practice, over all time</caption>
        <thead>
          <tr>
            <th scope="col">Practice</th>
            <th scope="col">How often</th>
            <th scope="col">{changeHeading}</th>
          </tr>
        </thead>
        <tbody>
          {practices.map((p) => (
            <tr key={p.practice_id}>
              <th scope="row">{p.title}</th>
              <td>
                {timesWords(p.sessions)}, {minutesWords(p.minutes)}
              </td>
              <td>{change(p)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The averages in one sentence (the server's, over every session rated both times), or how many more it takes. */
export function effectWords(part: PracticePart): string {
  const { n, mean_before: before, mean_after: after } = part.stats.totals.distress;
  if (before === null || after === null) {
    const soFar = n === 0 ? 'None so far.' : `So far: ${n}.`;
    return `Your average distress before and after will show here once ${ratedNeeded} practices are rated both times. ${soFar}`;
  }
  return `Across ${n} practices you rated before and after, your distress was on average ${before} out of 10 before and ${after} after.`;
}
