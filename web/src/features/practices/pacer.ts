// The pacer: where a practice stands at a given elapsed time. Pure functions of the elapsed
// milliseconds (never a running count of ticks), so a frame skipped, a slow phone or a tab in
// the background cannot make the breath drift: at ten minutes the pacer is exactly where ten
// minutes puts it. Durations are whole milliseconds, so the arithmetic is exact.
//
// No state, no clock: the caller measures the elapsed time (see stopwatch.ts) and asks.
import type { BreathPhase, PhaseName, PracticeStep } from '../../api/practices';

export interface TimedPhase {
  name: PhaseName;
  /** Whole milliseconds. */
  ms: number;
}

/**
 * The phases in milliseconds. With a rate (breaths a minute), they are stretched or shrunk so one
 * cycle lasts 60/rate seconds, keeping their proportions; the last phase takes up any rounding so
 * the cycle is exactly that long (to the millisecond).
 */
export function timePhases(phases: readonly BreathPhase[], rate?: number | null): TimedPhase[] {
  const natural = phases.map((phase) => ({ name: phase.name, ms: Math.max(0, Math.round(phase.seconds * 1000)) }));
  const total = natural.reduce((sum, phase) => sum + phase.ms, 0);
  if (!rate || rate <= 0 || total === 0) return natural;
  const cycle = Math.round(60_000 / rate);
  let used = 0;
  return natural.map((phase, index) => {
    const ms = index === natural.length - 1 ? cycle - used : Math.round((phase.ms * cycle) / total);
    used += ms;
    return { name: phase.name, ms };
  });
}

export function cycleMs(phases: readonly TimedPhase[]): number {
  return phases.reduce((sum, phase) => sum + phase.ms, 0);
}

export interface BreathPosition {
  /** Which phase of `phases`. */
  index: number;
  phase: TimedPhase;
  /** How far through the phase, 0 (just begun) to 1 (about to end). */
  progress: number;
  /** Milliseconds into the phase. */
  intoPhaseMs: number;
  /** Full breaths already taken (0 during the first). */
  cycle: number;
}

/** The phase at `elapsedMs`. The boundary belongs to the phase that starts there. */
export function breathAt(phases: readonly TimedPhase[], elapsedMs: number): BreathPosition {
  const length = cycleMs(phases);
  const elapsed = Math.max(0, elapsedMs);
  if (length === 0) return { index: 0, phase: phases[0] ?? { name: 'in', ms: 0 }, progress: 0, intoPhaseMs: 0, cycle: 0 };
  const cycle = Math.floor(elapsed / length);
  let into = elapsed - cycle * length;
  let index = 0;
  while (index < phases.length - 1 && into >= phases[index]!.ms) {
    into -= phases[index]!.ms;
    index += 1;
  }
  const phase = phases[index]!;
  return { index, phase, progress: phase.ms > 0 ? Math.min(1, into / phase.ms) : 1, intoPhaseMs: into, cycle };
}

/**
 * How long a breathing practice of `minutes` lasts: rounded up to whole breaths, so it never stops
 * halfway through breathing in.
 */
export function breathingLengthMs(phases: readonly TimedPhase[], minutes: number): number {
  const length = cycleMs(phases);
  const wanted = Math.round(minutes * 60_000);
  return length > 0 ? Math.ceil(wanted / length) * length : wanted;
}

export interface TimedStep {
  text: string;
  ms: number;
}

/**
 * The steps fitted to a practice of `totalMs`: each keeps its share of the written seconds, so a
 * shorter choice makes every step shorter alike. The last step takes up the rounding.
 */
export function fitSteps(steps: readonly PracticeStep[], totalMs: number): TimedStep[] {
  const written = steps.reduce((sum, step) => sum + Math.max(0, step.seconds), 0);
  let used = 0;
  return steps.map((step, index) => {
    const share = written > 0 ? Math.max(0, step.seconds) / written : 1 / steps.length;
    const ms = index === steps.length - 1 ? totalMs - used : Math.round(totalMs * share);
    used += ms;
    return { text: step.text, ms };
  });
}

export interface StepPosition {
  index: number;
  step: TimedStep;
  /** Milliseconds left in this step. */
  remainingMs: number;
}

/** The step at `elapsedMs`; past the end, the last step with nothing left. */
export function stepAt(steps: readonly TimedStep[], elapsedMs: number): StepPosition | null {
  if (steps.length === 0) return null;
  let start = 0;
  for (let index = 0; index < steps.length; index += 1) {
    const step = steps[index]!;
    const end = start + step.ms;
    if (elapsedMs < end || index === steps.length - 1) {
      return { index, step, remainingMs: Math.max(0, end - Math.max(0, elapsedMs)) };
    }
    start = end;
  }
  return null;
}

/** Milliseconds left of a practice lasting `totalMs`. */
export function remainingMs(totalMs: number, elapsedMs: number): number {
  return Math.max(0, totalMs - Math.max(0, elapsedMs));
}

/** Remaining time as people say it on a clock: "4:05". Rounded up, so 0:00 means done. */
export function clockText(ms: number): string {
  const seconds = Math.ceil(Math.max(0, ms) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
