// One journal entry being written: the form for its kind, kept as a draft on this device with
// every change (draft-store.ts), saved with PUT under the entry's own id. The draft goes only
// when the server has confirmed the save; words typed while the save was on its way are kept as
// a new draft of the saved entry. Refused fields are shown by the field and in the summary at
// the top; a session that ran out (401) is said kindly, with the words kept and a way back.
import type { ComponentChildren } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import { journalLimits, saveEntry, type Entry } from '../../api/journal';
import type { Me } from '../../api/me';
import { ApiError } from '../../api/problem';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary';
import { FormField } from '../../components/form-field';
import { fieldSentence } from '../account/form-problems';
import { networkMessage, serverMessage } from '../account/messages';
import { withNext } from '../account/next-path';
import { useSession } from '../account/session';
import { createDraftWriter, removeDraft, saveDraft } from './draft-store';
import { TextField } from './form-controls';
import {
  emptyTrigger,
  fieldNoun,
  inputFromForm,
  occurredAtId,
  tagsId,
  targetOf,
  type EntryForm as Form,
} from './form-model';
import { PartsFields, ReflectionFields } from './other-fields';
import { TriggerFields } from './trigger-fields';
import { useDraftAutosave } from './use-draft-autosave';

interface EntryFormProps {
  me: Me;
  entryId: string;
  /** Never saved to the server as far as this device knows. */
  isNew: boolean;
  initial: Form;
  /** Where logging in again should lead, to carry on with this draft. */
  resumePath: string;
  /** Where "Back" goes; the draft stays. */
  backHref: string;
  backLabel: string;
  onSaved: (entry: Entry) => void;
}

interface Problem {
  title: string;
  items: SummaryItem[];
  /** Sentences with no field to point at. */
  notes: ComponentChildren[];
}

export function EntryForm({ me, entryId, isNew, initial, resumePath, backHref, backLabel, onSaved }: EntryFormProps) {
  const { client, signedOut } = useSession();
  const [form, setForm] = useState(initial);
  const latest = useRef(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem>();
  const [attempt, setAttempt] = useState(0);
  const [sending, setSending] = useState(false);
  const busy = useRef(false);
  const keys = useRef(0);
  const newKey = () => `n${Date.now().toString(36)}${(keys.current += 1)}`;

  const writer = useMemo(() => createDraftWriter(me.id, entryId, isNew), [me.id, entryId, isNew]);
  useDraftAutosave(writer);

  const update = (next: Form) => {
    latest.current = next;
    setForm(next);
    writer.change(next);
  };

  const fail = (next: Problem, fields: Record<string, string> = {}) => {
    setErrors(fields);
    setProblem(next);
    setAttempt((n) => n + 1);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy.current) return;
    busy.current = true;
    setSending(true);
    const sent = latest.current;
    const { input, emotionKeys } = inputFromForm(sent);
    try {
      const entry = await saveEntry(entryId, input, client);
      writer.stop();
      if (latest.current !== sent) saveDraft(me.id, { entryId, isNew: false, form: latest.current });
      else removeDraft(me.id, entryId);
      onSaved(entry);
      return;
    } catch (error) {
      // Whatever happened, the words are on this device now, not only in memory.
      writer.flush();
      if (latest.current === sent) saveDraft(me.id, { entryId, isNew, form: sent });
      handleFailure(error, emotionKeys);
    } finally {
      busy.current = false;
      setSending(false);
    }
  };

  const handleFailure = (error: unknown, emotionKeys: string[]) => {
    if (error instanceof ApiError && error.status === 401) {
      signedOut();
      fail({
        title: 'Please log in again',
        items: [],
        notes: [
          <p key="401">
            You were logged out after a while, to keep your journal safe, so this entry isn’t saved yet.{' '}
            <strong>Your words are kept on this device.</strong>{' '}
            <a href={withNext('/login', resumePath)}>Log in again</a> and you can carry on where you left off.
          </p>,
        ],
      });
      return;
    }
    if (error instanceof ApiError && error.status === 400 && error.errors.length > 0) {
      const fields: Record<string, string> = {};
      const items: SummaryItem[] = [];
      const notes: ComponentChildren[] = [];
      for (const { field, message } of error.errors) {
        const sentence = fieldSentence(fieldNoun(field), message);
        const target = targetOf(field, emotionKeys);
        if (!target) {
          notes.push(<p key={`${field}-${notes.length}`}>{sentence}</p>);
        } else if (!fields[target]) {
          fields[target] = sentence;
          items.push({ id: target, message: sentence });
        }
      }
      fail({ title: 'Please check these answers', items, notes }, fields);
      return;
    }
    const kept = 'Your words are kept on this device.';
    let message: string;
    if (error instanceof ApiError && error.status === 0) message = `${networkMessage} ${kept}`;
    else if (error instanceof ApiError && error.status < 500 && error.detail) message = `${error.detail} ${kept}`;
    else message = `${serverMessage} ${kept}`;
    fail({ title: 'This entry isn’t saved yet', items: [], notes: [<p key="general">{message}</p>] });
  };

  const tags = (
    <TextField
      id={tagsId}
      label="Tags (optional)"
      hint="Words to find this entry by later, separated by commas, such as: evenings, work."
      error={errors[tagsId]}
      value={form.tags}
      limit={journalLimits.shortText}
      onValue={(value) => update({ ...form, tags: value })}
    />
  );

  let fields;
  if (form.kind === 'trigger') {
    fields = (
      <TriggerFields
        value={form.trigger ?? emptyTrigger()}
        errors={errors}
        onChange={(trigger) => update({ ...form, trigger })}
        newKey={newKey}
        tags={tags}
      />
    );
  } else if (form.kind === 'reflection') {
    fields = (
      <ReflectionFields
        value={form.reflection ?? { text: '', lesson_id: '', prompt_id: '' }}
        errors={errors}
        onChange={(reflection) => update({ ...form, reflection })}
        tags={tags}
      />
    );
  } else {
    fields = (
      <PartsFields
        value={form.parts ?? { name: '', fears: '', protects: '', needs: '' }}
        errors={errors}
        onChange={(parts) => update({ ...form, parts })}
        tags={tags}
      />
    );
  }

  return (
    <div class="journal-form-wrap">
      <p class="journal-private" tabIndex={-1}>
        Only you can read this. As you write, it is kept on this device until it is saved to your journal.
      </p>
      {problem ? (
        <ErrorSummary id="journal-summary" title={problem.title} items={problem.items} attempt={attempt}>
          {problem.notes}
        </ErrorSummary>
      ) : null}
      <form class="journal-form" noValidate onSubmit={(event) => void submit(event)}>
        <FormField
          id={occurredAtId}
          label={form.kind === 'trigger' ? 'When did it happen?' : 'Date and time'}
          hint={form.kind === 'trigger' ? undefined : 'When you wrote this, or the time it is about.'}
          error={errors[occurredAtId]}
        >
          {(aria) => (
            <input
              {...aria}
              type="datetime-local"
              class="form-input journal-when"
              value={form.occurredAt}
              onInput={(e) => update({ ...form, occurredAt: e.currentTarget.value })}
            />
          )}
        </FormField>
        {fields}
        <div class="form-actions journal-actions">
          <button type="submit" class="action-button form-submit" disabled={sending}>
            {sending ? 'Saving…' : 'Save entry'}
          </button>
          <a href={backHref}>{backLabel}</a>
        </div>
      </form>
    </div>
  );
}
