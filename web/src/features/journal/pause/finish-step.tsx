// Step 3 of "pause before reacting": finish the trigger log. What was noticed in step 1 is shown
// (with a way to change it), then the rest: what I did, what helped (pausing ticked already,
// and the practice's family when one was done; pause-flow.tsx ticks them), and how strong the
// feeling is now. "Save to my journal" sends the whole entry; a failure keeps the draft.
import type { ComponentChildren } from 'preact';
import { helpedIds, journalLimits } from '../../../api/journal';
import { FormField } from '../../../components/form-field';
import { DistressQuestion } from '../../practices/distress-question';
import { fieldId, type TriggerForm } from '../form-model';
import { helpedName, stateName, urgeName } from '../journal-words';
import { CheckboxGroup } from './choice-fields';
import { StepFrame } from './step-frame';

interface FinishStepProps {
  trigger: TriggerForm;
  onChange: (trigger: TriggerForm) => void;
  onSave: () => void;
  onChangeNotice: () => void;
  saving: boolean;
  /** What went wrong with the last save, if anything (save-problem.tsx). */
  problem: ComponentChildren;
}

export function FinishStep({ trigger, onChange, onSave, onChangeNotice, saving, problem }: FinishStepProps) {
  const set = (patch: Partial<TriggerForm>) => onChange({ ...trigger, ...patch });
  return (
    <StepFrame number={3} title="Finish your log" keeps>
      <p>You paused. Now, if you like, note what you did and what helped. Anything you leave empty is fine.</p>
      {problem}
      <section class="pause-noticed" aria-labelledby="pause-noticed-heading">
        <h3 id="pause-noticed-heading">What you noticed</h3>
        <dl class="pause-noticed-list">
          <Noticed term="What happened">{trigger.situation.trim() || 'Not written'}</Noticed>
          <Noticed term="The urge">
            {trigger.urges.length > 0 ? trigger.urges.map(urgeName).join('; ') : 'None ticked'}
          </Noticed>
          <Noticed term="How strong, at first">
            {trigger.intensity_before === null ? 'Not rated' : `${trigger.intensity_before} out of 10`}
          </Noticed>
          <Noticed term="Your body">{stateName(trigger.state)}</Noticed>
        </dl>
        <button type="button" class="link-button" onClick={onChangeNotice}>
          Change what you noticed
        </button>
      </section>
      <form
        class="pause-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!saving) onSave();
        }}
      >
        <FormField id={fieldId('trigger', 'action')} label="What did you do?" hint="Even “I waited” counts.">
          {(aria) => (
            <textarea
              {...aria}
              class="form-input pause-text"
              rows={3}
              maxLength={journalLimits.longText}
              value={trigger.action}
              onInput={(event) => set({ action: event.currentTarget.value })}
            />
          )}
        </FormField>
        <CheckboxGroup
          id={fieldId('trigger', 'helped')}
          legend="What helped?"
          hint="Pausing is ticked already, since you took a pause. Change anything that doesn’t fit."
          options={helpedIds.map((id) => ({ id, name: helpedName(id) }))}
          checked={trigger.helped}
          onChange={(helped) => set({ helped })}
        />
        <DistressQuestion
          name="pause-intensity-after"
          legend={'How strong is the feeling now, 0\u2060–\u206010?'}
          value={trigger.intensity_after ?? undefined}
          onChange={(value) => set({ intensity_after: value ?? null })}
        />
        <button type="submit" class="action-button" aria-disabled={saving ? 'true' : undefined}>
          {saving ? 'Saving…' : 'Save to my journal'}
        </button>
      </form>
    </StepFrame>
  );
}

function Noticed({ term, children }: { term: string; children: ComponentChildren }) {
  return (
    <div class="pause-noticed-item">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
