// How a result differs from the one before, per subscale, said honestly. Where the
// questionnaire gives what is needed (SD and reliability), the server says whether a change is
// "reliable" (beyond the ordinary wobble of answering); otherwise it is plain change, and we
// say so, and that small moves from one time to the next are normal.
import type { SubscaleChange } from '../../api/checkins';
import { changeWords } from './sign-bars';
import { subscaleName } from './sign-words';

interface ChangeNoteProps {
  change: Record<string, SubscaleChange> | null | undefined;
  /** Subscales to show, in order. */
  subscales: string[];
}

export function ChangeNote({ change, subscales }: ChangeNoteProps) {
  const shown = subscales.filter((s) => change?.[s]);
  if (!change || shown.length === 0) {
    return <p class="checkin-note">This is your first result here, so there is nothing to compare it with yet.</p>;
  }
  const plain = shown.some((s) => change[s]!.reliable === null);
  return (
    <div class="checkin-change">
      <ul class="checkin-change-list">
        {shown.map((s) => {
          const c = change[s]!;
          return (
            <li key={s}>
              <strong>{subscaleName(s)}:</strong> {changeWords(c.difference)}
              {c.reliable === true
                ? ' That is more than the everyday ups and downs of answering, so it is likely a real shift.'
                : c.reliable === false
                  ? ' That is within the everyday ups and downs of answering, so it may not mean much on its own.'
                  : ''}
            </li>
          );
        })}
      </ul>
      {plain ? (
        <p class="checkin-note">
          These are plain differences. Because this questionnaire has not been tested in research, we
          can’t say whether a change is more than ordinary variation. Small moves from one time to
          the next are normal; a steady direction over several check-ins says more.
        </p>
      ) : null}
    </div>
  );
}
