// /journal/new?kind=trigger|reflection|parts[&lesson=&prompt=][&draft=<id>] and
// /journal/:id/edit[?draft=<id>]: writing an entry. When this device holds an unfinished draft
// for the form, it is offered first ("Carry on / Discard"); `draft` in the address carries on
// with that draft without asking (the journal page's list of drafts, and the way back after
// logging in again, use it). Saved: on to the entry.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { getEntry, newEntryId, type Entry, type JournalKind } from '../../api/journal';
import type { Me } from '../../api/me';
import { Page } from '../../components/page';
import { useLoad } from '../../components/use-load';
import { useSession } from '../account/session';
import { DraftOffer } from './draft-offer';
import { listDrafts, loadDraft, removeDraft } from './draft-store';
import { EntryForm } from './entry-form';
import { EntryProblem } from './entry-problem';
import { emptyForm, formFromEntry, formPreview, hasContent, normalizeForm, type EntryForm as Form } from './form-model';
import { isKind, resumePathEdit, resumePathNew } from './journal-paths';
import { leaveNotice } from './notices';
import { StartLinks } from './start-links';
import { WithLearner } from './use-learner';
import './journal.css';

const newHeadings: Record<JournalKind, string> = {
  trigger: 'Log a hard moment',
  reflection: 'Write a reflection',
  parts: 'Write about a part of you',
};

function useSaved() {
  const { route } = useLocation();
  return (entry: Entry) => {
    leaveNotice('Your entry is saved.');
    route(`/journal/${entry.id}`);
  };
}

export function JournalNewPage() {
  const { query } = useLocation();
  const kind = isKind(query.kind) ? query.kind : undefined;
  if (!kind) {
    return (
      <Page heading="New journal entry" lede="What would you like to write?">
        <StartLinks />
      </Page>
    );
  }
  const lessonId = query.lesson ?? '';
  const promptId = query.prompt ?? '';
  const draftId = query.draft ?? '';
  return (
    <Page heading={newHeadings[kind]} lede={kind === 'trigger' ? 'Answer as much or as little as you like.' : undefined}>
      <WithLearner>
        {(me) => (
          <NewEntry
            key={`${me.id}|${kind}|${lessonId}|${promptId}|${draftId}`}
            me={me}
            kind={kind}
            lessonId={lessonId}
            promptId={promptId}
            draftId={draftId}
          />
        )}
      </WithLearner>
    </Page>
  );
}

type Step =
  | { step: 'offer'; entryId: string; savedAt: number; form: Form }
  | { step: 'write'; entryId: string; isNew: boolean; form: Form; focus: boolean };

interface NewEntryProps {
  me: Me;
  kind: JournalKind;
  lessonId: string;
  promptId: string;
  draftId: string;
}

function NewEntry({ me, kind, lessonId, promptId, draftId }: NewEntryProps) {
  const saved = useSaved();
  const fresh = (focus: boolean): Step => ({
    step: 'write',
    entryId: newEntryId(),
    isNew: true,
    form: emptyForm(kind, { lessonId, promptId }),
    focus,
  });
  const [step, setStep] = useState<Step>(() => {
    if (draftId) {
      const draft = loadDraft(me.id, draftId);
      const form = draft && normalizeForm(draft.form);
      if (draft && form && form.kind === kind) {
        return { step: 'write', entryId: draft.entryId, isNew: draft.isNew, form, focus: false };
      }
    }
    const waiting = listDrafts(me.id).find((draft) => {
      const form = draft.isNew ? normalizeForm(draft.form) : undefined;
      if (!form || form.kind !== kind || !hasContent(form)) return false;
      // A lesson's question is offered its own draft; free writing, the free ones.
      return kind !== 'reflection' || (form.reflection?.lesson_id === lessonId && form.reflection?.prompt_id === promptId);
    });
    const form = waiting && normalizeForm(waiting.form);
    if (waiting && form) return { step: 'offer', entryId: waiting.entryId, savedAt: waiting.savedAt, form };
    return fresh(false);
  });

  if (step.step === 'offer') {
    return (
      <DraftOffer
        savedAt={step.savedAt}
        preview={formPreview(step.form)}
        editing={false}
        onCarryOn={() => setStep({ step: 'write', entryId: step.entryId, isNew: true, form: step.form, focus: true })}
        onDiscard={() => {
          removeDraft(me.id, step.entryId);
          setStep(fresh(true));
        }}
      />
    );
  }
  return (
    <FocusOnStart focus={step.focus}>
      <EntryForm
        me={me}
        entryId={step.entryId}
        isNew={step.isNew}
        initial={step.form}
        resumePath={step.isNew ? resumePathNew(kind, step.entryId) : resumePathEdit(step.entryId)}
        backHref="/journal"
        backLabel="Back to your journal"
        onSaved={saved}
      />
    </FocusOnStart>
  );
}

export function JournalEditPage({ id = '' }: { id?: string }) {
  const { query } = useLocation();
  return (
    <Page heading="Edit your entry">
      <WithLearner>{(me) => <EditEntry key={`${me.id}|${id}`} me={me} id={id} resume={query.draft === id} />}</WithLearner>
    </Page>
  );
}

type EditStep = 'offer' | 'draft' | 'entry';

function EditEntry({ me, id, resume }: { me: Me; id: string; resume: boolean }) {
  const { client } = useSession();
  const saved = useSaved();
  const [draft] = useState(() => {
    const kept = loadDraft(me.id, id);
    const form = kept && normalizeForm(kept.form);
    return kept && form ? { ...kept, form } : undefined;
  });
  const [step, setStep] = useState<EditStep>(draft ? (resume ? 'draft' : 'offer') : 'entry');
  const [focus, setFocus] = useState(false);
  const [loaded, retry] = useLoad((signal) => getEntry(id, client, { signal }), [client, id]);

  if (step === 'offer' && draft) {
    return (
      <DraftOffer
        savedAt={draft.savedAt}
        preview={formPreview(draft.form)}
        editing={!draft.isNew}
        onCarryOn={() => {
          setFocus(true);
          setStep('draft');
        }}
        onDiscard={() => {
          removeDraft(me.id, id);
          setFocus(true);
          setStep('entry');
        }}
      />
    );
  }
  const form = (initial: Form, isNew: boolean) => (
    <FocusOnStart focus={focus}>
      <EntryForm
        me={me}
        entryId={id}
        isNew={isNew}
        initial={initial}
        resumePath={resumePathEdit(id)}
        backHref={`/journal/${id}`}
        backLabel="Back to the entry"
        onSaved={saved}
      />
    </FocusOnStart>
  );
  // A kept draft can be carried on with even when the entry cannot be fetched (offline).
  if (step === 'draft' && draft) return form(draft.form, draft.isNew);
  if (loaded.status === 'loading') {
    return (
      <p role="status" class="form-muted">
        Opening your entry…
      </p>
    );
  }
  if (loaded.status === 'error') return <EntryProblem error={loaded.error} retry={retry} />;
  return form(formFromEntry(loaded.value), false);
}

/** After "Carry on" or "Discard", focus moves to the top of the form that replaced the offer. */
function FocusOnStart({ focus, children }: { focus: boolean; children: ComponentChildren }) {
  useEffect(() => {
    if (focus) document.querySelector<HTMLElement>('.journal-private')?.focus();
  }, []);
  return <>{children}</>;
}

