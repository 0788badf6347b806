// The learner's entries for the search in the address, newest first, a page at a time ("Show
// earlier entries"), with how many there are. Entries the server could not open are listed in
// their place, said plainly, never dropped. Each entry shows its kind, when, its first words and
// its tags, and leads to the entry.
import { useState } from 'preact/hooks';
import { listEntries, type Entry, type UnreadableEntry } from '../../api/journal';
import { useLoad } from '../../components/use-load';
import { useSession } from '../account/session';
import { LoadProblem } from '../course/load-problem';
import { unreadableWords } from './entry-problem';
import { entriesWords, entryPreview, whenWords } from './journal-format';
import { kindName } from './journal-words';
import { hasFilters, requestFilters, type ListFilters } from './list-filters';

export const pageSize = 20;

type Row = { entry: Entry; unreadable?: undefined } | { entry?: undefined; unreadable: UnreadableEntry };

interface EntryListProps {
  filters: ListFilters;
  timeZone: string;
}

export function EntryList({ filters, timeZone }: EntryListProps) {
  const { client } = useSession();
  const request = requestFilters(filters, timeZone);
  const key = JSON.stringify(request);
  const [loaded, retry] = useLoad((signal) => listEntries({ ...request, limit: pageSize }, client, { signal }), [client, key]);

  if (loaded.status === 'loading') {
    return (
      <p role="status" class="form-muted">
        Opening your journal…
      </p>
    );
  }
  if (loaded.status === 'error') return <LoadProblem error={loaded.error} retry={retry} what="your journal" />;
  const page = loaded.value;
  return (
    <Pages
      key={key}
      filtered={hasFilters(filters)}
      first={merge([], page.entries, page.unreadable)}
      nextBefore={page.next_before}
      total={page.total}
      request={request}
      timeZone={timeZone}
    />
  );
}

interface PagesProps {
  filtered: boolean;
  first: Row[];
  nextBefore: string | null;
  total: number;
  request: ReturnType<typeof requestFilters>;
  timeZone: string;
}

function Pages({ filtered, first, nextBefore, total, request, timeZone }: PagesProps) {
  const { client } = useSession();
  const [rows, setRows] = useState(first);
  const [next, setNext] = useState(nextBefore);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState('');

  const showEarlier = async () => {
    if (!next) return;
    setLoading(true);
    setProblem('');
    try {
      const page = await listEntries({ ...request, before: next, limit: pageSize }, client);
      setRows((shown) => merge(shown, page.entries, page.unreadable));
      setNext(page.next_before);
    } catch {
      setProblem('We couldn’t fetch earlier entries just now. Please check your connection and try again.');
    } finally {
      setLoading(false);
    }
  };

  if (rows.length === 0) {
    return filtered ? (
      <div class="form-panel journal-empty">
        <p role="status">No entries match this search.</p>
        <p>
          Try fewer words or fewer filters, or <a href="/journal">show every entry</a>.
        </p>
      </div>
    ) : (
      <div class="form-panel journal-empty">
        <p role="status">Your journal is empty for now.</p>
        <p>
          It is here whenever you want it: after a hard moment, when something from the course stays with you, or
          when a part of you wants to be heard. A few words are enough. Only you can read what you write.
        </p>
      </div>
    );
  }

  return (
    <>
      <p role="status" class="journal-count-line">
        {filtered ? `${entriesWords(total)} found.` : `${entriesWords(total)} in your journal.`}
      </p>
      <ol class="journal-list">
        {rows.map((row) =>
          row.entry ? (
            <EntryItem key={row.entry.id} entry={row.entry} timeZone={timeZone} />
          ) : (
            <UnreadableItem key={row.unreadable.id} entry={row.unreadable} timeZone={timeZone} />
          ),
        )}
      </ol>
      {problem ? (
        <p role="alert" class="journal-care">
          {problem}
        </p>
      ) : null}
      {next ? (
        <button type="button" class="form-secondary" onClick={() => void showEarlier()} disabled={loading}>
          {loading ? 'Fetching earlier entries…' : 'Show earlier entries'}
        </button>
      ) : null}
    </>
  );
}

function EntryItem({ entry, timeZone }: { entry: Entry; timeZone: string }) {
  const preview = entryPreview(entry);
  return (
    <li class="journal-list-item">
      <h3 class="journal-list-title">
        <a href={`/journal/${entry.id}`}>
          {kindName(entry.kind)}
          <span class="journal-list-when">, {whenWords(entry.occurred_at, timeZone)}</span>
        </a>
      </h3>
      {preview ? <p class="journal-list-preview">{preview}</p> : null}
      {entry.tags.length > 0 ? (
        <p class="journal-list-tags">
          <span class="visually-hidden">Tags: </span>
          {entry.tags.map((tag) => (
            <span key={tag} class="journal-tag">
              {tag}
            </span>
          ))}
        </p>
      ) : null}
    </li>
  );
}

function UnreadableItem({ entry, timeZone }: { entry: UnreadableEntry; timeZone: string }) {
  return (
    <li class="journal-list-item journal-list-unreadable" data-testid="journal-unreadable">
      <h3 class="journal-list-title">
        <a href={`/journal/${entry.id}`}>
          {kindName(entry.kind)}
          <span class="journal-list-when">, {whenWords(entry.occurred_at, timeZone)}</span>
        </a>
      </h3>
      <p class="journal-list-preview">{unreadableWords}</p>
    </li>
  );
}

/** Rows shown so far plus a new page, each entry once, newest first. */
function merge(shown: Row[], entries: Entry[], unreadable: UnreadableEntry[]): Row[] {
  const seen = new Set(shown.map((row) => (row.entry ?? row.unreadable).id));
  const added: Row[] = [
    ...entries.filter((e) => !seen.has(e.id)).map((entry): Row => ({ entry })),
    ...unreadable.filter((u) => !seen.has(u.id)).map((u): Row => ({ unreadable: u })),
  ];
  const when = (row: Row) => (row.entry ?? row.unreadable).occurred_at;
  added.sort((a, b) => Date.parse(when(b)) - Date.parse(when(a)));
  return [...shown, ...added];
}
