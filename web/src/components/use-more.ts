// "Show more" for a list read a page at a time: the rows so far, the cursor for the next page (null
// on the last), whether a page is on its way, and a sentence when one could not be fetched (the
// rows shown stay, and the button can be pressed again). A row already shown is not repeated.
import { useState } from 'preact/hooks';

export interface Page<T> {
  rows: T[];
  next: string | null;
}

export interface More<T> {
  rows: T[];
  next: string | null;
  loading: boolean;
  problem: string;
  more: () => Promise<void>;
}

export function useMore<T extends { id: string }>(
  first: Page<T>,
  fetchPage: (cursor: string) => Promise<Page<T>>,
  failure: string,
): More<T> {
  const [rows, setRows] = useState(first.rows);
  const [next, setNext] = useState(first.next);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState('');

  const more = async () => {
    if (!next) return;
    setLoading(true);
    setProblem('');
    try {
      const page = await fetchPage(next);
      setRows((shown) => {
        const seen = new Set(shown.map((r) => r.id));
        return [...shown, ...page.rows.filter((r) => !seen.has(r.id))];
      });
      setNext(page.next);
    } catch {
      setProblem(failure);
    } finally {
      setLoading(false);
    }
  };

  return { rows, next, loading, problem, more };
}
