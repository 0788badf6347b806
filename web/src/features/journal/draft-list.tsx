// "Unfinished entries": the drafts this device holds for the signed-in learner, newest first,
// each with its kind, when it was last changed and its first words, a way to carry on, and a way
// to discard it that asks first (the words would be gone).
import { useEffect, useRef, useState } from 'preact/hooks';
import { listDrafts, removeDraft, type JournalDraft } from './draft-store';
import { resumePathEdit, resumePathNew } from './journal-paths';
import { formPreview, hasContent, normalizeForm, type EntryForm } from './form-model';
import { whenWords } from './journal-format';
import { kindName } from './journal-words';

interface Shown {
  draft: JournalDraft;
  form: EntryForm;
}

function readDrafts(userId: string): Shown[] {
  return listDrafts(userId).flatMap((draft) => {
    const form = normalizeForm(draft.form);
    return form && (hasContent(form) || !draft.isNew) ? [{ draft, form }] : [];
  });
}

export function DraftList({ userId, timeZone }: { userId: string; timeZone: string }) {
  const [drafts, setDrafts] = useState(() => readDrafts(userId));
  const heading = useRef<HTMLHeadingElement>(null);
  if (drafts.length === 0) return null;

  const discard = (entryId: string) => {
    removeDraft(userId, entryId);
    setDrafts(readDrafts(userId));
    heading.current?.focus();
  };

  return (
    <section class="journal-drafts" aria-labelledby="journal-drafts-title">
      <h2 id="journal-drafts-title" tabIndex={-1} ref={heading}>
        Unfinished entries
      </h2>
      <p class="form-hint">Kept on this device until you save or discard them.</p>
      <ul class="journal-list">
        {drafts.map(({ draft, form }) => (
          <DraftItem key={draft.entryId} draft={draft} form={form} timeZone={timeZone} onDiscard={discard} />
        ))}
      </ul>
    </section>
  );
}

interface DraftItemProps {
  draft: JournalDraft;
  form: EntryForm;
  timeZone: string;
  onDiscard: (entryId: string) => void;
}

function DraftItem({ draft, form, timeZone, onDiscard }: DraftItemProps) {
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (asking) yes.current?.focus();
    else if (asked.current) ask.current?.focus();
    asked.current = asking;
  }, [asking]);

  const preview = formPreview(form);
  const name = `${draft.isNew ? kindName(form.kind) : `Changes to a ${kindName(form.kind).toLowerCase()}`}`;
  const when = whenWords(new Date(draft.savedAt).toISOString(), timeZone);
  const href = draft.isNew ? resumePathNew(form.kind, draft.entryId) : resumePathEdit(draft.entryId);
  return (
    <li class="journal-list-item journal-draft" data-testid="journal-draft">
      <h3 class="journal-list-title">
        {name}
        <span class="journal-list-when">, last changed {when}</span>
      </h3>
      {preview ? <p class="journal-list-preview">{preview}</p> : null}
      {asking ? (
        <div class="journal-confirm-inline">
          <p>Discard this unfinished entry? Its words will be gone from this device.</p>
          <div class="form-actions">
            <button type="button" class="form-secondary" ref={yes} onClick={() => onDiscard(draft.entryId)}>
              Yes, discard it
            </button>
            <button type="button" class="form-secondary" onClick={() => setAsking(false)}>
              No, keep it
            </button>
          </div>
        </div>
      ) : (
        <div class="form-actions">
          <a class="action-button" href={href}>
            Carry on<span class="visually-hidden"> with this {kindName(form.kind).toLowerCase()}</span>
          </a>
          <button type="button" class="form-secondary" ref={ask} onClick={() => setAsking(true)}>
            Discard<span class="visually-hidden"> this {kindName(form.kind).toLowerCase()}</span>
          </button>
        </div>
      )}
    </li>
  );
}
