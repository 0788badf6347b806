// A practice embedded in a lesson: its name (the catalogue's, sent with the lesson so that a
// lesson read offline names it too) and a way to open it in the practice player.
export function PracticeCard({ practiceId, name }: { practiceId: string; name: string }) {
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
