// Practice by practice: how often and for how long each was done, and, once there are three
// sessions rated before and after, how the learner's distress tended to change. Until then a
// gentle line says when it will appear. The averages are the server's; nothing is worked out here.
import type { PracticeStats } from '../../api/practice-sessions';
import { changeWords, minutesWords, timesWords } from './history-words';

export function PracticeEffects({ practices }: { practices: PracticeStats[] }) {
  return (
    <ul class="practice-list history-practices">
      {practices.map((practice) => {
        const headingId = `history-${practice.practice_id}`;
        return (
          <li key={practice.practice_id} class="practice-item" aria-labelledby={headingId}>
            <h3 id={headingId} class="practice-item-title">
              {practice.title}
            </h3>
            <p class="history-practice-amount">
              Practised {timesWords(practice.sessions)}, {minutesWords(practice.minutes)} in all.
            </p>
            <p class="history-practice-change">{changeWords(practice.distress.mean_change, practice.distress.n)}</p>
            <a
              class="form-secondary history-practice-again"
              href={`/practices/${encodeURIComponent(practice.practice_id)}`}
              aria-label={`Practise again: ${practice.title}`}
            >
              Practise again
            </a>
          </li>
        );
      })}
    </ul>
  );
}
