// What the learner shares with one practitioner: what is shared now (shared-now.tsx), then the
// four choices, each with what she would then see, the journal entries to tick under the last,
// plain words on what sharing means, Save, and "Stop sharing everything" (asked first). Saving
// replaces the whole share; the summary above changes only once the server has it.
import { useState } from 'preact/hooks';
import type { EntryList } from '../../api/journal';
import { ApiError } from '../../api/problem';
import { deleteShares, nothingShared, putShare, sameShare, sharesAnything, type PractitionerShare, type Share } from '../../api/shares';
import type { Loaded } from '../../components/use-load';
import { ErrorSummary } from '../../components/error-summary';
import { generalMessage } from '../account/messages';
import { currentPath, withNext } from '../account/next-path';
import { useSession } from '../account/session';
import { ConfirmAction } from '../console/confirm-action';
import { useNews } from '../../components/use-news';
import { LoadProblem } from '../course/load-problem';
import { EntryPicker, type EntryRow } from './entry-picker';
import { SharedNow } from './shared-now';
import { kindWords } from './sharing-words';

interface ShareFormProps {
  initial: PractitionerShare;
  /** The first page of the learner's journal, loaded once for the page. */
  journal: Loaded<EntryList>;
  retryJournal: () => void;
  timeZone: string;
}

interface Failure {
  error: unknown;
  attempt: number;
}

type Flag = 'checkins' | 'practice' | 'course';
const flags: Flag[] = ['checkins', 'practice', 'course'];

export function ShareForm({ initial, journal, retryJournal, timeZone }: ShareFormProps) {
  const { client } = useSession();
  const [current, setCurrent] = useState(initial);
  const [draft, setDraft] = useState<Share>(initial.share);
  const [journalOn, setJournalOn] = useState(initial.share.journal_entries.length > 0);
  const [rows, setRows] = useState<EntryRow[]>([]);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<Failure>();
  const [entriesError, setEntriesError] = useState<string>();
  const { news, say, ref } = useNews();
  const { id, name } = current.practitioner;
  const key = id.replace(/[^A-Za-z0-9_-]/g, '_');
  const shownRows = journal.status === 'ready' && rows.length === 0 ? journal.value.entries : rows;

  const failed = (error: unknown) => setFailure((before) => ({ error, attempt: (before?.attempt ?? 0) + 1 }));

  const save = async (event: Event) => {
    event.preventDefault();
    const entries = journalOn ? draft.journal_entries : [];
    if (journalOn && entries.length === 0 && shownRows.length > 0) {
      setEntriesError('Tick the entries you’d like to share, or untick “Journal entries I choose”.');
      failed(undefined);
      return;
    }
    setEntriesError(undefined);
    if (sameShare({ ...draft, journal_entries: entries }, current.share)) {
      setFailure(undefined);
      say(`Nothing has changed: this is what you share with ${name} already.`);
      return;
    }
    setSaving(true);
    try {
      const saved = await putShare({ practitioner_id: id, ...draft, journal_entries: entries }, client);
      setCurrent(saved);
      setDraft(saved.share);
      setJournalOn(saved.share.journal_entries.length > 0);
      setFailure(undefined);
      say(
        sharesAnything(saved.share)
          ? `Saved. ${name} can now see what is listed above, and nothing else.`
          : `Saved. You aren’t sharing anything with ${name}.`,
      );
    } catch (error) {
      const entryRefused = error instanceof ApiError && error.errors.some((e) => e.field.startsWith('journal_entries'));
      if (entryRefused) {
        setEntriesError('One of the chosen entries can’t be shared: it may have been deleted since this page opened. Reload the page, then choose again.');
      }
      failed(error);
    } finally {
      setSaving(false);
    }
  };

  const stop = async () => {
    await deleteShares(id, client);
    const none = { ...current, share: nothingShared, updated_at: new Date().toISOString() };
    setCurrent(none);
    setDraft(nothingShared);
    setJournalOn(false);
    setFailure(undefined);
    setEntriesError(undefined);
    say(`Done. You aren’t sharing anything with ${name} any more.`);
  };

  return (
    <section class="sharing-practitioner" aria-labelledby={`share-${key}`}>
      <h2 id={`share-${key}`}>With {name}</h2>
      <SharedNow id={`now-${key}`} current={current} rows={shownRows} timeZone={timeZone} />
      {/* Earlier news gives way to a failure, so "Saved" never stands beside "Nothing was saved". */}
      <p role="status" tabIndex={-1} ref={ref} class={news && !failure ? 'form-note' : 'visually-hidden'}>
        {failure ? '' : news}
      </p>
      {failure ? <SaveProblem key={failure.attempt} failure={failure} entriesError={entriesError} entriesId={`entries-${key}`} /> : null}
      <form class="sharing-form" noValidate onSubmit={(e) => void save(e)}>
        <fieldset class="sharing-choices">
          <legend class="form-label">What would you like {name} to see?</legend>
          <p class="form-hint">Tick only what you’re comfortable with. Leaving everything unticked is fine.</p>
          <ul class="sharing-choice-list">
            {flags.map((flag) => (
              <li key={flag}>
                <Choice
                  id={`${flag}-${key}`}
                  words={kindWords[flag]}
                  checked={draft[flag]}
                  onChange={(on) => setDraft((d) => ({ ...d, [flag]: on }))}
                />
              </li>
            ))}
            <li>
              <Choice
                id={`journal-${key}`}
                words={kindWords.journal_entries}
                checked={journalOn}
                onChange={setJournalOn}
              />
              {journalOn ? (
                journal.status === 'loading' ? (
                  <p role="status" class="form-muted">
                    Opening your journal…
                  </p>
                ) : journal.status === 'error' ? (
                  <LoadProblem error={journal.error} retry={retryJournal} what="your journal entries" />
                ) : (
                  <EntryPicker
                    id={`entries-${key}`}
                    first={journal.value}
                    chosen={draft.journal_entries}
                    onChange={(chosen) => setDraft((d) => ({ ...d, journal_entries: chosen }))}
                    error={entriesError}
                    timeZone={timeZone}
                    onRows={setRows}
                  />
                )
              ) : null}
            </li>
          </ul>
        </fieldset>
        <div class="sharing-know">
          <h3>Good to know</h3>
          <ul>
            <li>{name} sees only what is ticked here, and only for as long as it stays ticked.</li>
            <li>Every time {name} opens what you share, Secure Base records when, and what was shown.</li>
            <li>When you untick something or stop sharing, it stops at once: the next time they look, it isn’t there.</li>
            <li>Booking a session never needs any of this.</li>
          </ul>
        </div>
        <div class="sharing-buttons">
          <button type="submit" class="action-button" disabled={saving}>
            {saving ? 'Saving…' : 'Save what I share'}
          </button>
        </div>
      </form>
      {sharesAnything(current.share) ? (
        <div class="sharing-stop">
          <ConfirmAction
            id={`stop-${key}`}
            label="Stop sharing everything"
            context={`with ${name}`}
            question={`Stop sharing everything with ${name}?`}
            yes="Yes, stop sharing"
            no="No, keep it as it is"
            notDone="Nothing has changed yet."
            onConfirm={stop}
          >
            <p>
              From this moment they won’t see anything you shared. Nothing is deleted: your check-ins, practice, course
              and journal stay yours, and you can share again whenever you like.
            </p>
          </ConfirmAction>
        </div>
      ) : null}
    </section>
  );
}

interface ChoiceProps {
  id: string;
  words: { label: string; sees: string };
  checked: boolean;
  onChange: (on: boolean) => void;
}

function Choice({ id, words, checked, onChange }: ChoiceProps) {
  return (
    <>
      <label class="form-check sharing-choice">
        <input type="checkbox" id={id} aria-describedby={`${id}-sees`} checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
        <span>{words.label}</span>
      </label>
      <p id={`${id}-sees`} class="form-hint sharing-sees">
        {words.sees}
      </p>
    </>
  );
}

function SaveProblem({ failure, entriesError, entriesId }: { failure: Failure; entriesError?: string | undefined; entriesId: string }) {
  const { error, attempt } = failure;
  if (entriesError) {
    return <ErrorSummary id={`${entriesId}-summary`} title="Nothing was saved yet" attempt={attempt} items={[{ id: entriesId, message: entriesError }]} />;
  }
  return (
    <ErrorSummary id={`${entriesId}-summary`} title="Nothing was saved yet" attempt={attempt}>
      <p>
        {error instanceof ApiError && error.status === 401 ? (
          <>
            You were logged out after a while. <a href={withNext('/login', currentPath())}>Log in again</a>, then choose once
            more.
          </>
        ) : error instanceof ApiError && error.status === 400 && error.errors.length > 0 ? (
          error.errors.map((e) => e.message).join(' ')
        ) : (
          generalMessage(error)
        )}
      </p>
    </ErrorSummary>
  );
}
