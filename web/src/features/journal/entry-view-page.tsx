// /journal/:id: one entry, readable, with the ways to change it (Edit) or delete it (asked
// first; there is no undo). When this device holds unfinished changes to the entry, it says so
// and offers to carry on with them. Times are in the browser's zone.
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { getEntry, type Entry } from '../../api/journal';
import type { Me } from '../../api/me';
import { Page } from '../../components/page';
import { useLoad } from '../../components/use-load';
import { RequireSession } from '../account/require-session';
import { useSession } from '../account/session';
import { DeleteEntry } from './delete-entry';
import { loadDraft, removeDraft } from './draft-store';
import { EntryDetails } from './entry-details';
import { resumePathEdit } from './journal-paths';
import { EntryProblem } from './entry-problem';
import { hasContent, normalizeForm } from './form-model';
import { browserTimeZone, whenWords } from './journal-format';
import { kindName } from './journal-words';
import { leaveNotice, takeNotice } from './notices';
import './journal.css';

export function JournalEntryPage({ id = '' }: { id?: string }) {
  const [shown, setShown] = useState<Pick<Entry, 'kind' | 'occurred_at'>>();
  const timeZone = browserTimeZone();
  return (
    <Page
      heading={shown ? kindName(shown.kind) : 'Journal entry'}
      lede={shown ? whenWords(shown.occurred_at, timeZone) : undefined}
    >
      <RequireSession need="full">
        {(me) => <EntryView key={`${me.id}|${id}`} me={me} id={id} timeZone={timeZone} onEntry={setShown} />}
      </RequireSession>
    </Page>
  );
}

interface EntryViewProps {
  me: Me;
  id: string;
  timeZone: string;
  onEntry: (entry: Entry | undefined) => void;
}

function EntryView({ me, id, timeZone, onEntry }: EntryViewProps) {
  const { client } = useSession();
  const { route } = useLocation();
  const [notice] = useState(takeNotice);
  const [draft, setDraft] = useState(() => {
    const kept = loadDraft(me.id, id);
    const form = kept && normalizeForm(kept.form);
    return kept && form && (hasContent(form) || !kept.isNew) ? kept : undefined;
  });
  const [loaded, retry] = useLoad((signal) => getEntry(id, client, { signal }), [client, id]);
  const entry = loaded.status === 'ready' ? loaded.value : undefined;

  useEffect(() => onEntry(entry), [entry]);

  const deleted = () => {
    leaveNotice('The entry has been deleted.');
    route('/journal');
  };

  return (
    <>
      {notice ? (
        <p class="form-note" role="status">
          {notice}
        </p>
      ) : null}
      {draft ? (
        <section class="form-note journal-offer" aria-labelledby="journal-changes-title">
          <h2 id="journal-changes-title">Unfinished changes</h2>
          <p>
            You have unfinished changes to this entry from {whenWords(new Date(draft.savedAt).toISOString(), timeZone)}.
            They are kept on this device.
          </p>
          <div class="form-actions">
            <a class="action-button" href={resumePathEdit(id)}>
              Carry on
            </a>
            <button
              type="button"
              class="form-secondary"
              onClick={() => {
                removeDraft(me.id, id);
                setDraft(undefined);
              }}
            >
              Discard
            </button>
          </div>
        </section>
      ) : null}
      {loaded.status === 'loading' ? (
        <p role="status" class="form-muted">
          Opening your entry…
        </p>
      ) : null}
      {loaded.status === 'error' ? (
        <EntryProblem error={loaded.error} retry={retry}>
          <p>You can delete it, if you would rather it were gone.</p>
          <DeleteEntry userId={me.id} entryId={id} onDeleted={deleted} />
        </EntryProblem>
      ) : null}
      {entry ? (
        <>
          <EntryDetails entry={entry} timeZone={timeZone} />
          <div class="form-actions journal-entry-actions">
            <a class="action-button" href={`/journal/${entry.id}/edit`}>
              Edit this entry
            </a>
            <a href="/journal">Back to your journal</a>
          </div>
          <div class="journal-danger">
            <DeleteEntry userId={me.id} entryId={entry.id} onDeleted={deleted} />
          </div>
        </>
      ) : null}
    </>
  );
}
