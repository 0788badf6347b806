// Reports how far through an element the reader has scrolled (0 to 1), at most every few
// seconds and once more when the page is hidden, so "continue where you left off" can offer the
// right place without a request on every scroll event.
import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

const quietMs = 3000;

export function readFraction(rect: { top: number; height: number }, viewportHeight: number): number {
  if (rect.height <= 0) return 0;
  // The line a reader is on: about a third of the way down the screen.
  const reading = viewportHeight / 3 - rect.top;
  return Math.min(1, Math.max(0, reading / rect.height));
}

export function useReadingPosition(target: RefObject<HTMLElement | null>, report: (fraction: number) => void): void {
  const latest = useRef(report);
  latest.current = report;

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = -1;
    const flush = () => {
      timer = undefined;
      const el = target.current;
      if (!el) return;
      const fraction = Math.round(readFraction(el.getBoundingClientRect(), window.innerHeight) * 100) / 100;
      if (Math.abs(fraction - last) < 0.02) return;
      last = fraction;
      latest.current(fraction);
    };
    const onScroll = () => {
      if (timer === undefined) timer = setTimeout(flush, quietMs);
    };
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('scroll', onScroll);
      document.removeEventListener('visibilitychange', onHide);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [target]);
}
