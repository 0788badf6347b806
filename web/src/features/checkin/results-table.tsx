// The attachment results as a table: the same facts as the plane, for anyone who would rather
// read numbers than a picture (and for screen readers). Newest first; each date opens that
// result; the one on show is marked in words as well as in weight.
import type { Checkin } from '../../api/checkins';
import { formatScore } from './attachment-plane';
import { regionName } from './region-words';
import { formatDate } from './sign-words';

interface ResultsTableProps {
  /** Newest first. */
  checkins: Checkin[];
  currentId: string | undefined;
  timeZone?: string;
  /** The learner's own results unless said (the console names the client's). */
  caption?: string;
  /** Whether each date opens that result (the learner's own pages; not in the console). */
  linked?: boolean;
}

export function ResultsTable({
  checkins,
  currentId,
  timeZone,
  caption = 'Your results on closeness and distance, newest first',
  linked = true,
}: ResultsTableProps) {
  return (
    <div class="checkin-table-wrap">
      <table class="checkin-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Worry about closeness</th>
            <th scope="col">Keeping your distance</th>
            <th scope="col">Area</th>
          </tr>
        </thead>
        <tbody>
          {checkins.map((checkin) => {
            const current = checkin.id === currentId;
            const date = formatDate(checkin.taken_at, timeZone);
            return (
              <tr key={checkin.id} class={current ? 'checkin-table-current' : undefined}>
                <th scope="row">
                  {current ? (
                    <span aria-current="true">
                      {date} <span class="checkin-table-note">(shown above)</span>
                    </span>
                  ) : linked ? (
                    <a href={`/check-in/results/${encodeURIComponent(checkin.id)}`}>{date}</a>
                  ) : (
                    date
                  )}
                </th>
                <td>{formatScore(checkin.scores.anxiety)}</td>
                <td>{formatScore(checkin.scores.avoidance)}</td>
                <td>{regionName(checkin.region)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
