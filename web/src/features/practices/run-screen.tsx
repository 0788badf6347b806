// During a practice: the pacer, the words for each phase, the current step, the time left, and
// Pause/Resume and "End now".
//
// One requestAnimationFrame loop reads the clock and asks the pure pacer where the practice is.
// The circle's size is written straight to its transform (no re-render, no layout: only the
// compositor works each frame). Preact re-renders only when something people read changes: the
// phase, the step, the second shown. So the live region speaks once per phase, never per frame.
// With reduced motion the circle stays still and the seconds are counted in words instead.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Practice } from '../../api/practices';
import { breathAt, breathingLengthMs, clockText, fitSteps, remainingMs, stepAt, timePhases, type TimedPhase } from './pacer';
import { canPlayTones, canVibrate, Tones, vibrate } from './cues';
import { elapsed, pauseStopwatch, resumeStopwatch, startStopwatch } from './stopwatch';
import { useWakeLock } from './use-wake-lock';
import { phaseWords } from './words';

interface RunScreenProps {
  practice: Practice;
  minutes: number;
  rate: number | null;
  reducedMotion: boolean;
  /** Running time in ms (pauses left out), and whether the practice ran to its end. */
  onEnd: (elapsedMs: number, completed: boolean) => void;
  now: () => number;
}

/** What people read; changes a few times a minute, not every frame. */
interface Shown {
  phase: number;
  cycle: number;
  step: number;
  secondsLeft: number;
  /** Whole seconds into the phase, counted from one (reduced motion). */
  count: number;
}

const low = 0.55;
const high = 1;

export function RunScreen({ practice, minutes, rate, reducedMotion, onEnd, now }: RunScreenProps) {
  const phases = useMemo(
    () => (practice.breathing ? timePhases(practice.breathing.phases, rate ?? undefined) : []),
    [practice, rate],
  );
  const totalMs = phases.length > 0 ? breathingLengthMs(phases, minutes) : Math.round(minutes * 60_000);
  const steps = useMemo(() => fitSteps(practice.steps, totalMs), [practice, totalMs]);
  const levels = useMemo(() => phaseLevels(phases), [phases]);

  const watch = useRef(startStopwatch(now()));
  const circle = useRef<HTMLDivElement>(null);
  const pauseButton = useRef<HTMLButtonElement>(null);
  const tones = useRef(new Tones());
  const [paused, setPaused] = useState(false);
  const [tonesOn, setTonesOn] = useState(false);
  const [vibrationOn, setVibrationOn] = useState(false);
  const [shown, setShown] = useState<Shown>(() => showAt(0));
  const cues = useRef({ tones: false, vibration: false });
  cues.current = { tones: tonesOn, vibration: vibrationOn };
  const lastPhase = useRef(-1);

  useWakeLock(!paused);
  // The pacer, not the bottom of the form just left, is what should be in view.
  useEffect(() => {
    window.scrollTo(0, 0);
    pauseButton.current?.focus({ preventScroll: true });
  }, []);
  useEffect(() => () => tones.current.close(), []);

  function showAt(ms: number): Shown {
    const breath = phases.length > 0 ? breathAt(phases, ms) : null;
    return {
      phase: breath?.index ?? 0,
      cycle: breath?.cycle ?? 0,
      step: stepAt(steps, ms)?.index ?? 0,
      secondsLeft: Math.ceil(remainingMs(totalMs, ms) / 1000),
      count: breath ? Math.floor(breath.intoPhaseMs / 1000) + 1 : 0,
    };
  }

  useEffect(() => {
    if (paused) return;
    let frame = 0;
    const tick = () => {
      const ms = elapsed(watch.current, now());
      if (ms >= totalMs) {
        onEnd(totalMs, true);
        return;
      }
      if (phases.length > 0) {
        const breath = breathAt(phases, ms);
        const key = breath.cycle * phases.length + breath.index;
        if (key !== lastPhase.current) {
          lastPhase.current = key;
          if (cues.current.tones) tones.current.play(breath.phase.name);
          if (cues.current.vibration) vibrate(breath.phase.name);
        }
        const element = circle.current;
        if (element && !reducedMotion) {
          const { from, to } = levels[breath.index]!;
          element.style.transform = `scale(${(from + (to - from) * ease(breath.progress)).toFixed(4)})`;
        }
      }
      const next = showAt(ms);
      setShown((current) => (sameShown(current, next) ? current : next));
      frame = requestAnimationFrame(tick);
    };
    tick();
    return () => cancelAnimationFrame(frame);
  }, [paused, reducedMotion, phases, steps, totalMs]);

  // Without motion the circle rests at its middle size.
  useEffect(() => {
    if (reducedMotion && circle.current) circle.current.style.transform = '';
  }, [reducedMotion]);

  function togglePause() {
    const at = now();
    watch.current = paused ? resumeStopwatch(watch.current, at) : pauseStopwatch(watch.current, at);
    setPaused(!paused);
  }

  function endNow() {
    onEnd(elapsed(watch.current, now()), false);
  }

  function toggleTones() {
    if (!tonesOn) tones.current.open();
    setTonesOn(!tonesOn);
  }

  const phase = phases[shown.phase];
  const step = steps[shown.step];
  const words = paused ? 'Paused' : phase ? phaseWords[phase.name] : (step?.text ?? 'Rest here');
  return (
    <section class="practice-run" aria-label="Practice in progress">
      {phase ? (
        <div class={`pacer${reducedMotion ? ' pacer-still' : ''}`}>
          <div class="pacer-ring" aria-hidden="true" />
          <div ref={circle} class="pacer-circle" aria-hidden="true" />
          <div class="pacer-words">
            <p class="pacer-phase" aria-live="polite">
              {words}
            </p>
            {reducedMotion && !paused ? (
              <p class="pacer-count" aria-hidden="true">
                {countWords(shown.count)}
              </p>
            ) : null}
          </div>
        </div>
      ) : null}

      {step ? (
        <div class="practice-step">
          <p class="practice-step-number">
            Step {shown.step + 1} of {steps.length}
          </p>
          <p class="practice-step-text" aria-live="polite">
            {phase ? step.text : words}
          </p>
        </div>
      ) : null}

      {!phase && !step ? (
        <p class="practice-step-text" aria-live="polite">
          {paused ? 'Paused' : 'Stay with this for as long as the timer runs.'}
        </p>
      ) : null}

      <p class="practice-time">
        <span class="practice-time-value">{clockText(shown.secondsLeft * 1000)}</span> left
      </p>

      <div class="practice-controls">
        <button ref={pauseButton} type="button" class="action-button" onClick={togglePause}>
          {paused ? 'Resume' : 'Pause'}
        </button>
        <button type="button" class="form-secondary" onClick={endNow}>
          End now
        </button>
      </div>

      {phase && (canPlayTones() || canVibrate()) ? (
        <div class="practice-cues">
          {canPlayTones() ? (
            <button type="button" class="form-toggle" aria-pressed={tonesOn} onClick={toggleTones}>
              Soft tones
            </button>
          ) : null}
          {canVibrate() ? (
            <button
              type="button"
              class="form-toggle"
              aria-pressed={vibrationOn}
              onClick={() => setVibrationOn(!vibrationOn)}
            >
              Vibrate
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function sameShown(a: Shown, b: Shown): boolean {
  return a.phase === b.phase && a.cycle === b.cycle && a.step === b.step && a.secondsLeft === b.secondsLeft && a.count === b.count;
}

/** Eases in and out, so the circle never starts or stops with a jolt. */
function ease(progress: number): number {
  return 0.5 - Math.cos(Math.PI * progress) / 2;
}

/**
 * Each phase's starting and ending size: breathing in grows the circle (most of the way when a
 * top-up follows), breathing out shrinks it, holding keeps it. Worked out twice round the cycle so
 * the first phase starts where the last one ends.
 */
export function phaseLevels(phases: readonly TimedPhase[]): { from: number; to: number }[] {
  const topUp = phases.some((phase) => phase.name === 'top-up');
  const target = (name: TimedPhase['name'], level: number) =>
    name === 'in' ? (topUp ? 0.88 : high) : name === 'top-up' ? high : name === 'out' ? low : level;
  let level = low;
  for (const phase of phases) level = target(phase.name, level);
  return phases.map((phase) => {
    const from = level;
    level = target(phase.name, level);
    return { from, to: level };
  });
}

const numberWords = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** Counting for reduced motion: "one", "two"…; numerals beyond twelve. */
export function countWords(count: number): string {
  return numberWords[count - 1] ?? String(count);
}
