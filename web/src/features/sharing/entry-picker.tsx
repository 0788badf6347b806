// The learner's journal entries to tick, for sharing: each by its kind and when it happened, never
// its words (this list is about choosing, and may be read over a shoulder). Newest first, a page
// at a time ("Show earlier entries"). Entries already chosen but further back than the pages
// shown stay chosen, and are counted, so nothing is unshared by not being on screen.
import { useEffect } from 'preact/hooks';
import { listEntries, type Entry, type EntryList } from '../../api/journal';
import { MoreButton } from '../../components/more-button';
import { useMore } from '../../components/use-more';
import { maxSharedEntries } from '../../api/shares';
import { useSession } from '../account/session';
import { whenWords } from '../journal/journal-format';
import { kindName } from '../journal/journal-words';
import { entriesCount } from './sharing-words';

export const entryPageSize = 50;

export type EntryRow = Pick<Entry, 'id' | 'kind' | 'occurred_at'>;

interface EntryPickerProps {
  /** Unique on the page. */
  id: string;
  /** The first page of the journal. */
  first: EntryList;
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
  /** What to fix, from a refused save. */
  error?: string | undefined;
  timeZone: string;
  /** Told of every entry on show, so the page can name chosen ones elsewhere. */
  onRows?: (rows: EntryRow[]) => void;
}

export function EntryPicker({ id, first, chosen, onChange, error, timeZone, onRows }: EntryPickerProps) {
  const { client } = useSession();
  const list = useMore<EntryRow>(
    { rows: first.entries, next: first.next_before },
    async (before) => {
      const page = await listEntries({ before, limit: entryPageSize }, client);
      return { rows: page.entries, next: page.next_before };
    },
    'We couldn’t fetch earlier entries just now. Please check your connection and try again.',
  );
  const { rows } = list;
  useEffect(() => onRows?.(rows), [rows]);

  const toggle = (entryId: string, on: boolean) =>
    onChange(on ? [...chosen.filter((c) => c !== entryId), entryId] : chosen.filter((c) => c !== entryId));

  const onScreen = new Set(rows.map((r) => r.id));
  const further = chosen.filter((c) => !onScreen.has(c)).length;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  if (rows.length === 0) {
    return (
      <p class="form-hint sharing-entries-empty" id={id}>
        Your journal has no entries yet. When you write some, you can choose any of them here.
      </p>
    );
  }
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      class="sharing-entries"
      aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}
    >
      <legend class="form-label">Which entries?</legend>
      <p id={hintId} class="form-hint">
        Tick each entry you’re happy to share ({chosen.length === 0 ? 'none chosen yet' : `${chosen.length} chosen`}; up to{' '}
        {maxSharedEntries}). Entries are listed by kind and date only.
      </p>
      {error ? (
        <p id={errorId} class="form-error">
          <span class="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      <ul class="sharing-entry-list">
        {rows.map((row) => (
          <li key={row.id}>
            <label class="form-check sharing-entry">
              <input
                type="checkbox"
                name={id}
                value={row.id}
                checked={chosen.includes(row.id)}
                onChange={(e) => toggle(row.id, e.currentTarget.checked)}
              />
              <span>
                {kindName(row.kind)}
                <span class="sharing-entry-when">, {whenWords(row.occurred_at, timeZone)}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      {further > 0 ? <p class="form-hint">Also chosen: {entriesCount(further)} further back than the list shows.</p> : null}
      <MoreButton list={list} label="Show earlier entries" busy="Fetching earlier entries…" />
    </fieldset>
  );
}
