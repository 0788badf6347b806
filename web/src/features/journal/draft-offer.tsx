// "You have an unfinished entry from …": offered when a form opens and this device holds a draft
// for it, with its first words, so the learner can carry on or let it go knowingly.
import { whenWords } from './journal-format';

interface DraftOfferProps {
  savedAt: number;
  preview: string;
  /** Changes to a saved entry, rather than an entry never saved. */
  editing: boolean;
  onCarryOn: () => void;
  onDiscard: () => void;
}

export function DraftOffer({ savedAt, preview, editing, onCarryOn, onDiscard }: DraftOfferProps) {
  const when = whenWords(new Date(savedAt).toISOString());
  return (
    <section class="form-note journal-offer" aria-labelledby="journal-offer-title">
      <h2 id="journal-offer-title">Carry on where you left off?</h2>
      <p>
        {editing
          ? `You have unfinished changes to this entry from ${when}.`
          : `You have an unfinished entry from ${when}.`}
      </p>
      {preview ? <p class="journal-offer-preview">“{preview}”</p> : null}
      <div class="form-actions">
        <button type="button" class="action-button" onClick={onCarryOn}>
          Carry on
        </button>
        <button type="button" class="form-secondary" onClick={onDiscard}>
          Discard
        </button>
      </div>
      <p class="form-hint">Discarding removes these words from this device, and can’t be undone.</p>
    </section>
  );
}
