// A practice embedded in a lesson. The practice player has not landed yet, so the card names the
// practice and says so plainly; the lesson's own text walks through it meanwhile.
import { practiceName } from './practice-names';

export function PracticeCard({ practiceId }: { practiceId: string }) {
  return (
    <aside class="practice-card" aria-label={`Practice: ${practiceName(practiceId)}`}>
      <p class="practice-card-kicker">Practice</p>
      <p class="practice-card-name">{practiceName(practiceId)}</p>
      <p class="form-muted">
        The guided player for this practice is coming soon. For now, follow the steps in the lesson at your own
        pace.
      </p>
    </aside>
  );
}
