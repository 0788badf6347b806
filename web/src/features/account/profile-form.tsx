// The "Your details" part of /account: name, time zone and country, saved with PATCH /me. Only
// what changed is sent; the answer becomes the app's idea of the person (the header's name).
import { useState } from 'preact/hooks';
import { updateMe, type Me, type ProfileChanges, type ProfileField } from '../../api/me';
import { ApiError } from '../../api/problem';
import { FormField } from '../../components/form-field';
import { fieldErrorsFrom, fieldSentence, hasFieldErrors, summaryItems } from './form-problems';
import { generalMessage } from './messages';
import { CountrySelect, TimeZoneSelect } from './profile-selects';
import { useSession } from './session';
import { useFormStatus } from './use-form-status';
import { FormSummary } from './form-summary';

const order: ProfileField[] = ['display_name', 'time_zone', 'country'];
const id = (field: ProfileField) => `profile-${field.replace('_', '-')}`;

function sentence(field: ProfileField, message: string): string {
  if (field === 'time_zone') return 'Please choose your time zone from the list.';
  if (field === 'country') return 'Please choose your country from the list.';
  return fieldSentence('your name', message);
}

export function ProfileForm({ me }: { me: Me }) {
  const { client, signedIn, signedOut } = useSession();
  const [form, setForm] = useState<Required<ProfileChanges>>({
    display_name: me.display_name,
    time_zone: me.time_zone,
    country: me.country,
  });
  const [saved, setSaved] = useState(false);
  const status = useFormStatus<ProfileField>();
  const set = (field: ProfileField) => (value: string) => {
    setSaved(false);
    setForm((now) => ({ ...now, [field]: value }));
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const changes: ProfileChanges = {};
    const name = form.display_name.trim();
    if (name !== me.display_name) changes.display_name = name;
    if (form.time_zone !== me.time_zone) changes.time_zone = form.time_zone;
    if (form.country !== me.country) changes.country = form.country;
    void status.run(async () => {
      try {
        const updated = Object.keys(changes).length > 0 ? await updateMe(changes, client) : me;
        status.clear();
        setSaved(true);
        signedIn(updated);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return signedOut();
        const found = fieldErrorsFrom(error, order, sentence);
        status.fail(
          found,
          hasFieldErrors(found) ? undefined : { title: 'Your details were not saved', message: generalMessage(error) },
        );
      }
    });
  };

  const { errors, general } = status;
  const items = summaryItems(errors, order, id);
  return (
    <section class="form-panel" aria-labelledby="profile-title">
      <h2 id="profile-title">Your details</h2>
      <FormSummary id="profile-summary" items={items} general={general} attempt={status.attempt} />
      <form noValidate onSubmit={submit}>
        <FormField
          id={id('display_name')}
          label="Your name"
          hint="What you’d like to be called."
          error={errors.display_name}
        >
          {(aria) => (
            <input
              {...aria}
              type="text"
              name="display_name"
              class="form-input"
              autocomplete="nickname"
              maxLength={80}
              value={form.display_name}
              onInput={(e) => set('display_name')(e.currentTarget.value)}
            />
          )}
        </FormField>
        <FormField
          id={id('time_zone')}
          label="Time zone"
          hint="Times are shown as your clock shows them."
          error={errors.time_zone}
        >
          {(aria) => <TimeZoneSelect aria={aria} name="time_zone" value={form.time_zone} onValue={set('time_zone')} />}
        </FormField>
        <FormField
          id={id('country')}
          label="Country"
          hint="So “Need help now” shows the right support lines."
          error={errors.country}
        >
          {(aria) => <CountrySelect aria={aria} name="country" value={form.country} onValue={set('country')} />}
        </FormField>
        <div class="form-actions">
          <button type="submit" class="action-button form-submit" disabled={status.sending}>
            {status.sending ? 'Saving…' : 'Save changes'}
          </button>
          <p role="status" class="account-status">
            {saved ? 'Your details are saved.' : ''}
          </p>
        </div>
      </form>
    </section>
  );
}
