// A stopwatch as a plain value: when it started, how long it has been paused, and whether it is
// paused now. Elapsed time is always worked out from two readings of the clock (the caller passes
// `now`, e.g. performance.now()), never added up tick by tick, so it cannot drift; paused time
// is left out exactly. Immutable: each change returns a new value.

export interface Stopwatch {
  startedAt: number;
  /** Time spent paused before the current pause, in ms. */
  pausedTotal: number;
  /** When the current pause began; null while running. */
  pausedAt: number | null;
}

export function startStopwatch(now: number): Stopwatch {
  return { startedAt: now, pausedTotal: 0, pausedAt: null };
}

export function pauseStopwatch(watch: Stopwatch, now: number): Stopwatch {
  return watch.pausedAt === null ? { ...watch, pausedAt: now } : watch;
}

export function resumeStopwatch(watch: Stopwatch, now: number): Stopwatch {
  if (watch.pausedAt === null) return watch;
  return { ...watch, pausedTotal: watch.pausedTotal + (now - watch.pausedAt), pausedAt: null };
}

/** Running time in ms, paused time excluded. */
export function elapsed(watch: Stopwatch, now: number): number {
  const until = watch.pausedAt ?? now;
  return Math.max(0, until - watch.startedAt - watch.pausedTotal);
}
