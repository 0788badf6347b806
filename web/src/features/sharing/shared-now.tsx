// What one practitioner can see now, said plainly: each kind shared, the chosen journal entries
// by kind and date (those further back than the list on screen, counted), and since when. With
// nothing shared, that in one calm sentence. This always shows what the server last said, never
// the unsaved ticks below it.
import { sharesAnything, type PractitionerShare } from '../../api/shares';
import { formatDate } from '../checkin/sign-words';
import { whenWords } from '../journal/journal-format';
import { kindName } from '../journal/journal-words';
import type { EntryRow } from './entry-picker';
import { entriesCount, kindWords } from './sharing-words';

interface SharedNowProps {
  id: string;
  current: PractitionerShare;
  /** Entries known to the page, to name the chosen ones. */
  rows: readonly EntryRow[];
  timeZone: string;
}

export function SharedNow({ id, current, rows, timeZone }: SharedNowProps) {
  const { share, practitioner, updated_at: updatedAt } = current;
  const name = practitioner.name;
  if (!sharesAnything(share)) {
    return (
      <div class="sharing-now sharing-now-none" id={id}>
        <p>
          <strong>You aren’t sharing anything with {name}.</strong> Nothing you record here can be seen by them.
        </p>
      </div>
    );
  }
  const known = new Map(rows.map((r) => [r.id, r]));
  const named = share.journal_entries.flatMap((entryId) => known.get(entryId) ?? []);
  const unnamed = share.journal_entries.length - named.length;
  return (
    <div class="sharing-now" id={id}>
      <p>
        <strong>{name} can see now:</strong>
      </p>
      <ul>
        {share.checkins ? <li>{kindWords.checkins.name}</li> : null}
        {share.practice ? <li>{kindWords.practice.name}</li> : null}
        {share.course ? <li>{kindWords.course.name}</li> : null}
        {share.journal_entries.length > 0 ? (
          <li>
            {entriesCount(share.journal_entries.length)}
            {named.length > 0 ? ':' : ''}
            {named.length > 0 ? (
              <ul>
                {named.map((row) => (
                  <li key={row.id}>
                    {kindName(row.kind)}, {whenWords(row.occurred_at, timeZone)}
                  </li>
                ))}
                {unnamed > 0 ? <li>and {entriesCount(unnamed)} further back</li> : null}
              </ul>
            ) : null}
          </li>
        ) : null}
      </ul>
      {updatedAt ? <p class="form-hint">As you chose it on {formatDate(updatedAt, timeZone)}.</p> : null}
    </div>
  );
}
