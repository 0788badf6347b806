// The foot of a list read a page at a time (use-more.ts): why the last page could not be fetched,
// if it could not, and the button for the next page while there is one.
import type { More } from './use-more';

interface MoreButtonProps {
  list: Pick<More<unknown>, 'next' | 'loading' | 'problem' | 'more'>;
  /** "Show earlier entries", and while fetching, "Fetching earlier entries…". */
  label: string;
  busy: string;
}

export function MoreButton({ list, label, busy }: MoreButtonProps) {
  return (
    <>
      {list.problem ? (
        <p role="alert" class="form-error">
          {list.problem}
        </p>
      ) : null}
      {list.next ? (
        <p>
          <button type="button" class="form-secondary" onClick={() => void list.more()} disabled={list.loading}>
            {list.loading ? busy : label}
          </button>
        </p>
      ) : null}
    </>
  );
}
