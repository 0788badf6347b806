// The three ways to begin an entry, each with a line on what it is for.
import { journalKinds } from '../../api/journal';
import { kindWords } from './journal-words';

export function StartLinks() {
  return (
    <ul class="journal-start">
      {journalKinds.map((kind) => (
        <li key={kind} class="journal-start-item">
          <a class="action-button journal-start-link" href={`/journal/new?kind=${kind}`}>
            {kindWords[kind].start}
          </a>
          <p class="form-hint">{kindWords[kind].describe}</p>
        </li>
      ))}
    </ul>
  );
}
