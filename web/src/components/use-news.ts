// A note saying what just happened ("Archived", "Cancelled"), announced politely and given focus,
// so after an action that removed the button she pressed, keyboard and screen reader users land
// on what changed rather than at the top of the page.
import { useEffect, useRef, useState } from 'preact/hooks';

export function useNews() {
  const [news, setNews] = useState('');
  const [count, setCount] = useState(0);
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [count]);
  const say = (words: string) => {
    setNews(words);
    setCount((n) => n + 1);
  };
  return { news, say, ref };
}
