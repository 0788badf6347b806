// Step 3 of booking: where the client will be during the session, a country and, in the US, a
// state (the practitioner may only work with people in places she is licensed for). Somewhere
// she does not serve: her message and the way to help, and the choice can be changed.
import { useState } from 'preact/hooks';
import type { PracticeTerms } from '../../api/scheduling';
import { FormField } from '../../components/form-field';
import { CountrySelect } from '../account/profile-selects';
import { OutsidePanel } from './outside-panel';
import { usStates } from '../account/us-states';
import { isServed, type WhereForm } from './where';

interface WhereStepProps {
  where: WhereForm;
  practice: PracticeTerms;
  onChange: (where: WhereForm) => void;
  onContinue: () => void;
}

export function WhereStep({ where, practice, onChange, onContinue }: WhereStepProps) {
  const [stateError, setStateError] = useState('');
  const [outside, setOutside] = useState(false);

  return (
    <form
      class="sched-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (where.country === 'US' && !where.region) {
          setStateError('Choose the state you’ll be in during the session.');
          document.getElementById('sched-region')?.focus();
          return;
        }
        if (!isServed(where, practice.served)) {
          setOutside(true);
          return;
        }
        onContinue();
      }}
    >
      <p class="form-hint sched-why">
        Therapists may only work with people in certain places, so your therapist needs to know where you’ll be, even if
        it’s only for that hour.
      </p>
      <FormField id="sched-country" label="Country you’ll be in">
        {(aria) => (
          <CountrySelect
            aria={aria}
            name="country"
            value={where.country}
            onValue={(country) => {
              setOutside(false);
              onChange({ country, region: country === 'US' ? where.region : '' });
            }}
          />
        )}
      </FormField>
      {where.country === 'US' ? (
        <FormField id="sched-region" label="State you’ll be in" error={stateError || undefined}>
          {(aria) => (
            <select
              {...aria}
              name="region"
              class="form-input"
              value={where.region}
              onChange={(event) => {
                setOutside(false);
                setStateError('');
                onChange({ country: 'US', region: event.currentTarget.value });
              }}
            >
              <option value="">Choose a state</option>
              {usStates.map(({ code, name }) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      ) : null}
      {outside ? (
        <OutsidePanel
          message={practice.outside_message}
          onChange={() => {
            setOutside(false);
            document.getElementById('sched-country')?.focus();
          }}
        />
      ) : (
        <button type="submit" class="action-button form-submit">
          Continue
        </button>
      )}
    </form>
  );
}
