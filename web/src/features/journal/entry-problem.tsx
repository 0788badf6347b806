// What an entry's screen says when the entry cannot be shown: not there (deleted, or never
// this learner's), there but impossible to open (the rest of the journal is fine), the session
// over, or trouble on the way (with a way to try again).
import type { ComponentChildren } from 'preact';
import { journalEntryUnreadableType } from '../../api/journal';
import { ApiError } from '../../api/problem';
import { LoadProblem } from '../course/load-problem';
import { currentPath, withNext } from '../account/next-path';

/** Our words for an entry the server could not open. */
export const unreadableWords = 'This entry could not be opened. Your other entries are safe.';

export function isUnreadable(error: unknown): boolean {
  return error instanceof ApiError && error.type === journalEntryUnreadableType;
}

export function EntryProblem({ error, retry, children }: { error: unknown; retry: () => void; children?: ComponentChildren }) {
  if (error instanceof ApiError && error.status === 404) {
    return (
      <div class="form-panel" role="alert">
        <p>We couldn’t find this entry. It may have been deleted.</p>
        <p>
          <a href="/journal">Back to your journal</a>
        </p>
      </div>
    );
  }
  if (isUnreadable(error)) {
    return (
      <div class="form-panel" role="alert">
        <p>{unreadableWords}</p>
        <p>
          Something went wrong with how this one entry is stored. If it matters to you, your practitioner or whoever
          runs this site may be able to help.
        </p>
        {children}
        <p>
          <a href="/journal">Back to your journal</a>
        </p>
      </div>
    );
  }
  if (error instanceof ApiError && error.status === 401) {
    return (
      <div class="form-panel" role="alert">
        <p>
          You were logged out after a while, to keep your journal safe.{' '}
          <a href={withNext('/login', currentPath())}>Log in again</a> to carry on.
        </p>
      </div>
    );
  }
  return <LoadProblem error={error} retry={retry} what="this entry" />;
}
