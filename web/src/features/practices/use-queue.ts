// Re-renders a component whenever the offline practice queue changes, and returns the queue.
import { useEffect, useState } from 'preact/hooks';
import type { SessionQueue } from './session-queue';

export function useQueue(queue: SessionQueue): SessionQueue {
  const [, setVersion] = useState(0);
  useEffect(() => {
    const changed = () => setVersion((n) => n + 1);
    const stop = queue.subscribe(changed);
    // Effects run after paint: a change between the render and now (a quick answer from the
    // server) would otherwise go unseen until the next one.
    changed();
    return stop;
  }, [queue]);
  return queue;
}
