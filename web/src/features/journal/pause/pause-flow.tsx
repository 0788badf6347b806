// "Pause before reacting": notice → pause → finish, for one trigger log. The entry's id is made
// when the flow starts (api/journal.ts newEntryId), and what the learner writes is a draft in the
// journal's draft store from the first word (written as they type, and at once on each step),
// so leaving, a practice in between, a reload or a lapsed session lose nothing.
//
// Where the learner is lives in the address, so a reload or the practice's way back lands in
// the right place: /journal/pause (step 1 of a new log), /journal/pause/<id> (step 2),
// ?step=notice (step 1 again), ?step=finish (step 3), ?practised=<practice id> (back from a
// practice: "what helped" gets pausing and the practice's family ticked, then step 3). Moves
// within the flow replace the address, so the browser's Back leaves the flow.
//
// Saving sends the whole entry (PUT, api/journal.ts); once the server has it, the draft goes and
// the entry's own page opens. Any failure keeps the draft and says so.
import { useLocation } from 'preact-iso';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Me } from '../../../api/me';
import { newEntryId, saveEntry } from '../../../api/journal';
import { useLoad } from '../../../components/use-load';
import { useSession } from '../../account/session';
import { loadCatalogue } from '../../practices/load-catalogue';
import { createDraftWriter, loadDraft, removeDraft, saveDraft } from '../draft-store';
import { emptyForm, hasContent, inputFromForm, normalizeForm, type EntryForm, type TriggerForm } from '../form-model';
import { practiceFamily, withPauseTicked } from './calming-practices';
import { FinishStep } from './finish-step';
import { NoticeStep } from './notice-step';
import { entryPath, pauseEntryPath, pauseFinishPath, pausePath } from './pause-paths';
import { PauseStep } from './pause-step';
import { SaveProblem } from './save-problem';
import { useDraftAutosave } from '../use-draft-autosave';

export type PauseStepName = 'notice' | 'pause' | 'finish';

interface PauseFlowProps {
  me: Me;
  /** From the address; undefined for a new log. */
  entryId: string | undefined;
  /** The `step` query parameter. */
  step: string | undefined;
  /** The `practised` query parameter: the practice just done, on the way back from it. */
  practised: string | undefined;
}

// The form as it was when step 1 moved on, handed to the flow of the same entry that the new
// address opens: the draft store may be switched off, and the words must still get through.
const handoff = new Map<string, EntryForm>();

function initialForm(userId: string, entryId: string | undefined): EntryForm | undefined {
  if (!entryId) return emptyForm('trigger');
  const passed = handoff.get(entryId);
  handoff.delete(entryId);
  const form = passed ?? normalizeForm(loadDraft(userId, entryId)?.form);
  return form?.kind === 'trigger' && form.trigger ? form : undefined;
}

export function PauseFlow({ me, entryId, step, practised }: PauseFlowProps) {
  const { client } = useSession();
  const { route } = useLocation();
  const [id] = useState(() => entryId ?? newEntryId());
  const [form, setForm] = useState(() => initialForm(me.id, entryId));
  const [isNew] = useState(() => (entryId ? (loadDraft(me.id, entryId)?.isNew ?? true) : true));
  const writer = useMemo(() => createDraftWriter(me.id, id, isNew), [me.id, id, isNew]);
  useDraftAutosave(writer);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<{ error: unknown; attempt: number } | undefined>(undefined);

  const current: PauseStepName = !entryId ? 'notice' : step === 'notice' ? 'notice' : step === 'finish' ? 'finish' : 'pause';
  const returning = Boolean(entryId && practised && form);
  const needsCatalogue = current === 'pause' || returning;
  const [catalogue] = useLoad(
    async (signal) => (needsCatalogue ? (await loadCatalogue(client, signal)).practices : []),
    [client, needsCatalogue],
  );

  /** Keeps `next` on screen and in the draft store now. */
  function keep(next: EntryForm) {
    setForm(next);
    saveDraft(me.id, { entryId: id, isNew, form: next });
  }

  // Back from a practice: tick pausing and what the practice counts as, then step 3.
  useEffect(() => {
    if (!returning || !form?.trigger || catalogue.status === 'loading') return;
    const done = catalogue.status === 'ready' ? catalogue.value.find((p) => p.id === practised) : undefined;
    const family = practiceFamily(done ?? { id: practised!, kind: 'steps' });
    keep({ ...form, trigger: { ...form.trigger, helped: withPauseTicked(form.trigger.helped, family) } });
    route(pauseFinishPath(id), true);
  }, [returning, catalogue.status]);

  if (!form?.trigger) return <NoDraft />;
  if (returning) {
    return (
      <p role="status" class="form-muted">
        Getting your log ready…
      </p>
    );
  }
  const trigger = form.trigger;

  function change(next: TriggerForm) {
    const updated = { ...form!, trigger: next };
    setForm(updated);
    // A new log with nothing in it yet is no draft.
    if (entryId || hasContent(updated)) writer.change(updated);
  }

  async function save() {
    const sending = form!;
    writer.flush();
    saveDraft(me.id, { entryId: id, isNew, form: sending });
    setSaving(true);
    try {
      await saveEntry(id, inputFromForm(sending).input, client);
    } catch (error) {
      setSaving(false);
      setFailure((before) => ({ error, attempt: (before?.attempt ?? 0) + 1 }));
      return;
    }
    // Saved: nothing more is written, and the draft goes.
    writer.stop();
    removeDraft(me.id, id);
    route(entryPath(id));
  }

  if (current === 'notice') {
    return (
      <NoticeStep
        trigger={trigger}
        keeps={Boolean(entryId) || hasContent(form)}
        onChange={change}
        onNext={() => {
          writer.flush();
          keep(form);
          handoff.set(id, form);
          route(pauseEntryPath(id), true);
        }}
      />
    );
  }
  if (current === 'pause') {
    return (
      <PauseStep
        entryId={id}
        catalogue={catalogue}
        onBack={() => route(`${pauseEntryPath(id)}?step=notice`, true)}
        onSkip={() => {
          keep({ ...form, trigger: { ...trigger, helped: withPauseTicked(trigger.helped, undefined) } });
          route(pauseFinishPath(id), true);
        }}
      />
    );
  }
  return (
    <FinishStep
      trigger={trigger}
      onChange={change}
      onSave={() => void save()}
      onChangeNotice={() => route(`${pauseEntryPath(id)}?step=notice`, true)}
      saving={saving}
      problem={failure ? <SaveProblem error={failure.error} entryId={id} attempt={failure.attempt} /> : null}
    />
  );
}

function NoDraft() {
  return (
    <div class="form-panel">
      <p>
        There is no unfinished pause at this address on this device. If you saved it, you’ll find it in your journal.
      </p>
      <p class="pause-actions">
        <a class="action-button" href="/journal">
          Go to your journal
        </a>
        <a class="form-secondary pause-link-secondary" href={pausePath}>
          Start a new pause
        </a>
      </p>
    </div>
  );
}
