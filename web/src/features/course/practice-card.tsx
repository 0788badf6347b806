// A practice embedded in a lesson: its name and a way to open it in the practice player. The
// name comes from practice-names.ts, so the card reads well before the catalogue has loaded.
import { practiceName } from './practice-names';

export function PracticeCard({ practiceId }: { practiceId: string }) {
  const name = practiceName(practiceId);
  return (
    <aside class="practice-card" aria-label={`Practice: ${name}`}>
      <p class="practice-card-kicker">Practice</p>
      <p class="practice-card-name">{name}</p>
      <p>
        <a
          class="action-button practice-card-open"
          href={`/practices/${encodeURIComponent(practiceId)}`}
          aria-label={`Open the practice: ${name}`}
        >
          Open the practice
        </a>
      </p>
      <p class="form-muted">Or follow the steps in the lesson at your own pace.</p>
    </aside>
  );
}
