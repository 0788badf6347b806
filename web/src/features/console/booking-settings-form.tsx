// Where she serves, what people elsewhere are told, the video link sessions get, and her
// cancellation policy: one form, saved with one PUT. A refusal puts each sentence beside its
// field and in the summary; what she chose and typed stays.
import { useMemo, useState } from 'preact/hooks';
import { saveBookingSettings, type BookingSettings } from '../../api/console-scheduling';
import { FormField } from '../../components/form-field';
import { allCountries } from '../account/countries';
import { useSession } from '../account/session';
import { ChecklistPicker } from './checklist-picker';
import { Fieldset, Radio } from './console-fieldset';
import { SaveSummary } from './save-summary';
import {
  formFromSettings,
  settingsBody,
  settingsIds as ids,
  unitedStates,
  type SettingsForm as Form,
} from './booking-settings-model';
import { usStates } from '../account/us-states';
import { useSave } from './use-save';

export function BookingSettingsForm({ settings }: { settings: BookingSettings }) {
  const { client } = useSession();
  const [form, setForm] = useState<Form>(() => formFromSettings(settings));
  const save = useSave();
  const errors = save.problem?.errors ?? {};
  const countries = useMemo(() => allCountries().filter((c) => c.code !== unitedStates), []);
  const set = <K extends keyof Form>(key: K) => (value: Form[K]) => {
    save.edited();
    setForm((now) => ({ ...now, [key]: value }));
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const body = settingsBody(form);
    if (body.problems.length > 0) return save.refuse(body.problems, body.fields);
    void save.run(() => saveBookingSettings(body.settings, client).then(() => undefined), body.fields, 'Your settings were not saved');
  };

  const servesNobody = form.countries.length === 0 && form.usStates.length === 0;
  return (
    <form noValidate onSubmit={submit} class="console-form">
      <SaveSummary save={save} id="settings-summary" />
      <section class="form-panel" aria-labelledby="settings-where-title">
        <h2 id="settings-where-title">Where you see clients</h2>
        <p class="form-hint">
          Clients say where they are when they book. Someone somewhere you don’t serve can’t book, and is shown your
          message instead.
        </p>
        {servesNobody ? (
          <p class="form-note">No places are chosen yet, so no one can book a session.</p>
        ) : null}
        <ChecklistPicker
          id={ids.countries}
          legend="Countries"
          hint="For the United States, choose states below instead: it isn’t in this list."
          error={errors[ids.countries]}
          noun="country"
          nouns="countries"
          options={countries}
          chosen={form.countries}
          onChange={set('countries')}
        />
        <ChecklistPicker
          id={ids.usStates}
          legend="US states"
          hint="People in the United States can book only from the states chosen here."
          error={errors[ids.usStates]}
          noun="state"
          nouns="states"
          options={usStates}
          chosen={form.usStates}
          onChange={set('usStates')}
        />
        <FormField
          id={ids.outsideMessage}
          label="Message for people elsewhere"
          hint="Shown to someone who is somewhere you don’t serve. You might name where you can see people, and suggest where else to look."
          error={errors[ids.outsideMessage]}
        >
          {(aria) => (
            <textarea
              {...aria}
              class="form-input"
              rows={4}
              value={form.outsideMessage}
              onInput={(e) => set('outsideMessage')(e.currentTarget.value)}
            />
          )}
        </FormField>
      </section>

      <section class="form-panel" aria-labelledby="settings-video-title">
        <h2 id="settings-video-title">Video link</h2>
        <Fieldset id={ids.videoMode} legend="The link each session gets" error={errors[ids.videoMode]}>
          <div class="console-radios">
            <Radio name="video_mode" checked={form.videoMode === 'none'} onChoose={() => set('videoMode')('none')}>
              No link: I’ll send one myself
            </Radio>
            <Radio name="video_mode" checked={form.videoMode === 'fixed'} onChoose={() => set('videoMode')('fixed')}>
              The same link for every session
            </Radio>
            <Radio name="video_mode" checked={form.videoMode === 'jitsi'} onChoose={() => set('videoMode')('jitsi')}>
              A room of its own for each session, on a Jitsi Meet server
            </Radio>
          </div>
        </Fieldset>
        {form.videoMode === 'none' ? null : (
          <FormField
            id={ids.videoUrl}
            label={form.videoMode === 'fixed' ? 'Your video link' : 'Your Jitsi Meet server'}
            hint={
              form.videoMode === 'fixed'
                ? 'Starting with https://, such as your own room’s address. Every client gets this same link.'
                : 'Starting with https://, such as https://meet.jit.si/. Each session gets a room there with a name no one can guess.'
            }
            error={errors[ids.videoUrl]}
          >
            {(aria) => (
              <input
                {...aria}
                type="url"
                inputMode="url"
                class="form-input"
                autocomplete="off"
                spellcheck={false}
                value={form.videoUrl}
                onInput={(e) => set('videoUrl')(e.currentTarget.value)}
              />
            )}
          </FormField>
        )}
      </section>

      <section class="form-panel" aria-labelledby="settings-cancel-title">
        <h2 id="settings-cancel-title">Cancelling and moving sessions</h2>
        <FormField
          id={ids.lateWindow}
          label="A change is late within this many hours of the start"
          hint="48 means a change less than two days ahead is late. 0 means no change is ever late."
          error={errors[ids.lateWindow]}
        >
          {(aria) => (
            <input
              {...aria}
              type="number"
              inputMode="numeric"
              min={0}
              step={1}
              class="form-input console-number"
              value={form.lateWindowHours}
              onInput={(e) => set('lateWindowHours')(e.currentTarget.value)}
            />
          )}
        </FormField>
        <Fieldset id={ids.lateAction} legend="When a client wants to cancel or move a session late" error={errors[ids.lateAction]}>
          <div class="console-radios">
            <Radio name="late_action" checked={form.lateAction === 'allow'} onChoose={() => set('lateAction')('allow')}>
              Let them, and mark the session as cancelled late
            </Radio>
            <Radio name="late_action" checked={form.lateAction === 'refuse'} onChoose={() => set('lateAction')('refuse')}>
              Don’t let them online: they are asked to write to you
            </Radio>
          </div>
        </Fieldset>
        <FormField
          id={ids.cancellationText}
          label="Your cancellation policy, in your words"
          hint="Clients read this and agree to it before they book."
          error={errors[ids.cancellationText]}
        >
          {(aria) => (
            <textarea
              {...aria}
              class="form-input"
              rows={4}
              value={form.cancellationText}
              onInput={(e) => set('cancellationText')(e.currentTarget.value)}
            />
          )}
        </FormField>
      </section>

      <div class="form-actions console-save">
        <button type="submit" class="action-button form-submit" disabled={save.sending}>
          {save.sending ? 'Saving…' : 'Save settings'}
        </button>
        <p role="status" class="console-status">
          {save.saved ? 'Your settings are saved.' : ''}
        </p>
      </div>
    </form>
  );
}
