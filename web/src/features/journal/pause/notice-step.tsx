// Step 1 of "pause before reacting": notice. A few quick fields, none required: what just
// happened, the urge, how strong the feeling is now, and how the body feels. Everything typed is
// kept as a draft as it is typed (pause-flow.tsx), so leaving loses nothing.
import { journalLimits, urgeIds } from '../../../api/journal';
import { FormField } from '../../../components/form-field';
import { DistressQuestion } from '../../practices/distress-question';
import { fieldId, type TriggerForm } from '../form-model';
import { urgeName } from '../journal-words';
import { CheckboxGroup, StateChoice } from './choice-fields';
import { StepFrame } from './step-frame';

interface NoticeStepProps {
  trigger: TriggerForm;
  onChange: (trigger: TriggerForm) => void;
  onNext: () => void;
  keeps: boolean;
}

export function NoticeStep({ trigger, onChange, onNext, keeps }: NoticeStepProps) {
  const set = (patch: Partial<TriggerForm>) => onChange({ ...trigger, ...patch });
  return (
    <StepFrame number={1} title="Notice what is happening" keeps={keeps}>
      <p>
        Something has stirred you up. Before doing anything about it, take a moment to notice. A few words are enough,
        and you can skip anything.
      </p>
      <form
        class="pause-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onNext();
        }}
      >
        <FormField id={fieldId('trigger', 'situation')} label="What just happened?" hint="Just the facts, as you saw them.">
          {(aria) => (
            <textarea
              {...aria}
              class="form-input pause-text"
              rows={3}
              maxLength={journalLimits.longText}
              value={trigger.situation}
              onInput={(event) => set({ situation: event.currentTarget.value })}
            />
          )}
        </FormField>
        <CheckboxGroup
          id={fieldId('trigger', 'urges')}
          legend="What do you feel like doing?"
          hint="Noticing an urge is not the same as acting on it. Tick any that fit."
          options={urgeIds.map((id) => ({ id, name: urgeName(id) }))}
          checked={trigger.urges}
          onChange={(urges) => set({ urges })}
        />
        <DistressQuestion
          name="pause-intensity-before"
          legend={'How strong is the feeling right now, 0\u2060–\u206010?'}
          value={trigger.intensity_before ?? undefined}
          onChange={(value) => set({ intensity_before: value ?? null })}
        />
        <StateChoice
          id={fieldId('trigger', 'state')}
          legend="How does your body feel?"
          value={trigger.state}
          onChange={(state) => set({ state })}
        />
        <button type="submit" class="action-button">
          Next: take a pause
        </button>
      </form>
    </StepFrame>
  );
}
