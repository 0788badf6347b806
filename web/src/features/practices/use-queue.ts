// Re-renders a component whenever the offline practice queue changes, and returns the queue.
import { useEffect, useState } from 'preact/hooks';
import type { SessionQueue } from './session-queue';

export function useQueue(queue: SessionQueue): SessionQueue {
  const [, setVersion] = useState(0);
  useEffect(() => queue.subscribe(() => setVersion((n) => n + 1)), [queue]);
  return queue;
}
