// Moves focus to an element when it first appears: the heading of a result that replaces a
// form ("Check your email"), so screen reader and keyboard users land on the news.
import { useEffect, useRef } from 'preact/hooks';

export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
