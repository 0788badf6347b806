// Step 2 of "pause before reacting": pause. A few short calming practices from the catalogue
// (calming-practices.ts), each opened in the practice player with a way back to this entry;
// or skip straight to finishing. Works offline with the catalogue kept on this device.
import type { Practice } from '../../../api/practices';
import type { Loaded } from '../../../components/use-load';
import { practiceWithReturn } from '../../practices/return-path';
import { minutesText } from '../../practices/words';
import { pauseEntryPath } from './pause-paths';
import { calmingPractices, shortLength } from './calming-practices';
import { StepFrame } from './step-frame';

interface PauseStepProps {
  entryId: string;
  catalogue: Loaded<Practice[]>;
  onSkip: () => void;
  onBack: () => void;
}

export function PauseStep({ entryId, catalogue, onSkip, onBack }: PauseStepProps) {
  const offered = catalogue.status === 'ready' ? calmingPractices(catalogue.value) : [];
  return (
    <StepFrame number={2} title="Take a pause" keeps>
      <p>
        You don’t have to act on this feeling right now. A few minutes of slow breathing or grounding gives your body
        time to settle, so you can choose what to do next. What you noticed is kept while you practise.
      </p>
      {catalogue.status === 'loading' ? (
        <p role="status" class="form-muted">
          Finding a short practice…
        </p>
      ) : offered.length === 0 ? (
        <p class="form-muted">
          The practices couldn’t be opened just now. You can still pause here: breathe out slowly a few times, feel your
          feet on the floor, then go on when you are ready.
        </p>
      ) : (
        <ul class="practice-list pause-practices" aria-label="Short practices">
          {offered.map((practice) => {
            const minutes = shortLength(practice);
            const headingId = `pause-practice-${practice.id}`;
            return (
              <li key={practice.id} class="practice-item" aria-labelledby={headingId}>
                <h3 id={headingId} class="practice-item-title">
                  {practice.title}
                </h3>
                <p class="practice-item-summary">{practice.summary}</p>
                <p class="practice-item-length">About {minutesText(minutes)}</p>
                <a
                  class="action-button practice-item-start"
                  href={practiceWithReturn(practice.id, pauseEntryPath(entryId), minutes)}
                  aria-label={`Begin: ${practice.title}`}
                >
                  Begin
                </a>
              </li>
            );
          })}
        </ul>
      )}
      <div class="pause-actions">
        <button type="button" class={offered.length === 0 ? 'action-button' : 'form-secondary'} onClick={onSkip}>
          {offered.length === 0 ? 'Go on to finish' : 'Skip the practice'}
        </button>
        <button type="button" class="link-button" onClick={onBack}>
          Back to step 1
        </button>
      </div>
    </StepFrame>
  );
}
