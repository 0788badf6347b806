// Adding or changing a session type: every field of docs/api/scheduling.md, with the unit beside
// each number, and the questions a client answers when booking (intake-editor.tsx). A refusal
// puts each sentence beside its field and in the summary; what she typed stays.
import { useState } from 'preact/hooks';
import {
  createSessionType,
  sessionTypeLimits as limits,
  updateSessionType,
  type SessionType,
} from '../../api/console-scheduling';
import { FormField, type FieldAria } from '../../components/form-field';
import { useSession } from '../account/session';
import { Fieldset, Radio } from './console-fieldset';
import { IntakeEditor } from './intake-editor';
import { SaveSummary } from './save-summary';
import {
  emptyTypeForm,
  formFromType,
  noticeUnits,
  typeBody,
  typeIds as ids,
  type SessionTypeForm as Form,
} from './session-type-model';
import { useSave } from './use-save';

interface SessionTypeFormProps {
  /** The type to change; none: a new one. */
  type?: SessionType;
  onSaved: (type: SessionType) => void;
}

export function SessionTypeForm({ type, onSaved }: SessionTypeFormProps) {
  const { client } = useSession();
  const [form, setForm] = useState<Form>(() => (type ? formFromType(type) : emptyTypeForm()));
  const save = useSave();
  const errors = save.problem?.errors ?? {};
  const set = <K extends keyof Form>(key: K) => (value: Form[K]) => {
    save.edited();
    setForm((now) => ({ ...now, [key]: value }));
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const body = typeBody(form);
    if (body.problems.length > 0) return save.refuse(body.problems, body.fields);
    void save.run(
      async () => {
        const stored = type
          ? await updateSessionType(type.id, body.input, client)
          : await createSessionType(body.input, client);
        onSaved(stored);
      },
      body.fields,
      type ? 'Your changes were not saved' : 'The session type was not added',
    );
  };

  const number = (key: 'duration' | 'bufferBefore' | 'bufferAfter' | 'horizon' | 'step', min: number, max: number) =>
    (aria: FieldAria) => (
      <input
        {...aria}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        class="form-input console-number"
        value={form[key]}
        onInput={(e) => set(key)(e.currentTarget.value)}
      />
    );

  return (
    <form noValidate onSubmit={submit} class="console-form">
      <SaveSummary save={save} id="type-summary" />
      <section class="form-panel" aria-labelledby="type-about-title">
        <h2 id="type-about-title">What clients see</h2>
        <FormField id={ids.name} label="Name" hint="Up to 80 characters, such as “Therapy session”." error={errors[ids.name]}>
          {(aria) => (
            <input
              {...aria}
              type="text"
              class="form-input"
              autocomplete="off"
              value={form.name}
              onInput={(e) => set('name')(e.currentTarget.value)}
            />
          )}
        </FormField>
        <FormField
          id={ids.description}
          label="Description (optional)"
          hint={`What a client should know before choosing it, up to ${limits.description.toLocaleString('en-GB')} characters.`}
          error={errors[ids.description]}
        >
          {(aria) => (
            <textarea
              {...aria}
              class="form-input"
              rows={4}
              value={form.description}
              onInput={(e) => set('description')(e.currentTarget.value)}
            />
          )}
        </FormField>
        <FormField
          id={ids.price}
          label="Price (optional)"
          hint="Written as clients should read it, such as “£90” or “Free”. Up to 40 characters."
          error={errors[ids.price]}
        >
          {(aria) => (
            <input
              {...aria}
              type="text"
              class="form-input console-price"
              autocomplete="off"
              value={form.price}
              onInput={(e) => set('price')(e.currentTarget.value)}
            />
          )}
        </FormField>
        <Fieldset id={ids.newClients} legend="Who can book it" error={errors[ids.newClients]}>
          <div class="console-radios">
            <Radio name="new_clients" checked={form.newClients} onChoose={() => set('newClients')(true)}>
              Anyone, new clients too
            </Radio>
            <Radio name="new_clients" checked={!form.newClients} onChoose={() => set('newClients')(false)}>
              Only clients who have already had a session with you
            </Radio>
          </div>
        </Fieldset>
      </section>

      <section class="form-panel" aria-labelledby="type-time-title">
        <h2 id="type-time-title">Time</h2>
        <FormField
          id={ids.duration}
          label="Length of a session, in minutes"
          hint={`From ${limits.duration.min} to ${limits.duration.max} minutes.`}
          error={errors[ids.duration]}
        >
          {number('duration', limits.duration.min, limits.duration.max)}
        </FormField>
        <FormField
          id={ids.bufferBefore}
          label="Free time before, in minutes"
          hint="Kept clear before each session, so nothing is booked right up against it. 0 for none."
          error={errors[ids.bufferBefore]}
        >
          {number('bufferBefore', limits.buffer.min, limits.buffer.max)}
        </FormField>
        <FormField
          id={ids.bufferAfter}
          label="Free time after, in minutes"
          hint="Kept clear after each session, for notes or a breather. Up to 240 minutes."
          error={errors[ids.bufferAfter]}
        >
          {number('bufferAfter', limits.buffer.min, limits.buffer.max)}
        </FormField>
        <FormField
          id={ids.step}
          label="Start times every, in minutes"
          hint="30 offers 09:00, 09:30, 10:00 and so on, within your hours."
          error={errors[ids.step]}
        >
          {number('step', limits.step.min, limits.step.max)}
        </FormField>
        <FormField
          id={ids.notice}
          label="Minimum notice"
          hint="How long before a session it can still be booked. Up to 30 days."
          error={errors[ids.notice]}
        >
          {(aria) => (
            <div class="console-inline">
              <input
                {...aria}
                type="number"
                inputMode="numeric"
                min={0}
                step={1}
                class="form-input console-number"
                value={form.notice}
                onInput={(e) => set('notice')(e.currentTarget.value)}
              />
              <label for={ids.noticeUnit} class="visually-hidden">
                Minimum notice in
              </label>
              <select
                id={ids.noticeUnit}
                class="form-input"
                value={form.noticeUnit}
                onChange={(e) => set('noticeUnit')(e.currentTarget.value as Form['noticeUnit'])}
              >
                {noticeUnits.map((unit) => (
                  <option key={unit} value={unit}>
                    {unit}
                  </option>
                ))}
              </select>
            </div>
          )}
        </FormField>
        <FormField
          id={ids.horizon}
          label="How far ahead clients can book, in days"
          hint={`From ${limits.horizon.min} to ${limits.horizon.max} days.`}
          error={errors[ids.horizon]}
        >
          {number('horizon', limits.horizon.min, limits.horizon.max)}
        </FormField>
      </section>

      <section class="form-panel" aria-labelledby="type-intake-title">
        <h2 id="type-intake-title">Questions</h2>
        <IntakeEditor rows={form.intake} errors={errors} onChange={set('intake')} />
      </section>

      <div class="form-actions console-save">
        <button type="submit" class="action-button form-submit" disabled={save.sending}>
          {save.sending ? 'Saving…' : type ? 'Save changes' : 'Add this session type'}
        </button>
      </div>
    </form>
  );
}
