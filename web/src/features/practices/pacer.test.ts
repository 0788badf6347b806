import { describe, expect, it } from 'vitest';
import type { BreathPhase } from '../../api/practices';
import {
  breathAt,
  breathingLengthMs,
  clockText,
  cycleMs,
  fitSteps,
  remainingMs,
  stepAt,
  timePhases,
} from './pacer';
import { elapsed, pauseStopwatch, resumeStopwatch, startStopwatch } from './stopwatch';

const box: BreathPhase[] = [
  { name: 'in', seconds: 4 },
  { name: 'hold', seconds: 4 },
  { name: 'out', seconds: 4 },
  { name: 'hold', seconds: 4 },
];

const sigh: BreathPhase[] = [
  { name: 'in', seconds: 2 },
  { name: 'top-up', seconds: 1 },
  { name: 'out', seconds: 6 },
];

const resonance: BreathPhase[] = [
  { name: 'in', seconds: 4 },
  { name: 'out', seconds: 6 },
];

describe('breathAt', () => {
  const phases = timePhases(box);

  it.each([
    [0, 0, 'in', 0, 0],
    [1_000, 0, 'in', 0.25, 0],
    [3_999, 0, 'in', 0.99975, 0],
    [4_000, 1, 'hold', 0, 0],
    [8_000, 2, 'out', 0, 0],
    [14_000, 3, 'hold', 0.5, 0],
    [16_000, 0, 'in', 0, 1],
    [20_001, 1, 'hold', 0.00025, 1],
  ])('at %i ms: phase %i (%s), progress %f, cycle %i', (ms, index, name, progress, cycle) => {
    const at = breathAt(phases, ms);
    expect(at.index).toBe(index);
    expect(at.phase.name).toBe(name);
    expect(at.progress).toBeCloseTo(progress, 10);
    expect(at.cycle).toBe(cycle);
  });

  it('gives cyclic sighing its second, shorter breath in before the long breath out', () => {
    const timed = timePhases(sigh);
    expect(breathAt(timed, 1_999).phase.name).toBe('in');
    expect(breathAt(timed, 2_000).phase.name).toBe('top-up');
    expect(breathAt(timed, 2_500).progress).toBeCloseTo(0.5, 10);
    expect(breathAt(timed, 3_000).phase.name).toBe('out');
    expect(breathAt(timed, 9_000)).toMatchObject({ index: 0, cycle: 1, intoPhaseMs: 0 });
  });

  it('treats a time before the start as the start', () => {
    expect(breathAt(phases, -50)).toMatchObject({ index: 0, cycle: 0, progress: 0 });
  });

  it('stays exact for ten minutes of uneven frames, with nothing added up along the way', () => {
    // Frames of 7 to 40 ms, as a busy phone gives them; the pacer only ever sees "now".
    const timed = timePhases(resonance, 6);
    const watch = startStopwatch(1_234.5);
    let now = 1_234.5;
    let frames = 0;
    while (elapsed(watch, now) < 600_000) {
      now += 7 + ((frames * 7919) % 34);
      frames += 1;
      const at = breathAt(timed, elapsed(watch, now));
      const into = elapsed(watch, now) % 10_000;
      expect(at.phase.name).toBe(into < 4_000 ? 'in' : 'out');
    }
    expect(frames).toBeGreaterThan(20_000);
    // Exactly ten minutes in: sixty whole breaths, the sixty-first just beginning.
    const tenMinutes = breathAt(timed, 600_000);
    expect(tenMinutes).toMatchObject({ index: 0, cycle: 60, intoPhaseMs: 0, progress: 0 });
    expect(breathAt(timed, 599_999)).toMatchObject({ index: 1, cycle: 59 });
  });
});

describe('timePhases with a rate', () => {
  it('keeps the written phases when there is no rate', () => {
    expect(timePhases(resonance)).toEqual([
      { name: 'in', ms: 4_000 },
      { name: 'out', ms: 6_000 },
    ]);
  });

  it('stretches one breath to 60/rate seconds, keeping the proportions', () => {
    expect(timePhases(resonance, 4)).toEqual([
      { name: 'in', ms: 6_000 },
      { name: 'out', ms: 9_000 },
    ]);
    expect(timePhases(resonance, 8)).toEqual([
      { name: 'in', ms: 3_000 },
      { name: 'out', ms: 4_500 },
    ]);
  });

  it('makes the cycle exactly 60/rate seconds when the shares do not divide evenly', () => {
    const timed = timePhases(sigh, 7);
    expect(cycleMs(timed)).toBe(Math.round(60_000 / 7));
    expect(timed.map((phase) => phase.name)).toEqual(['in', 'top-up', 'out']);
    expect(timed[0]!.ms / timed[2]!.ms).toBeCloseTo(2 / 6, 3);
  });
});

describe('breathingLengthMs', () => {
  it('rounds up to whole breaths so the practice ends after breathing out', () => {
    expect(breathingLengthMs(timePhases(resonance, 6), 5)).toBe(300_000);
    expect(breathingLengthMs(timePhases(sigh), 1)).toBe(63_000);
  });
});

describe('steps', () => {
  const steps = [
    { text: 'Five things you can see', seconds: 60 },
    { text: 'Four things you can feel', seconds: 30 },
    { text: 'Three things you can hear', seconds: 30 },
  ];

  it('fits the steps to the chosen length, keeping their shares', () => {
    expect(fitSteps(steps, 240_000).map((step) => step.ms)).toEqual([120_000, 60_000, 60_000]);
    const odd = fitSteps(steps, 100_001);
    expect(odd.reduce((sum, step) => sum + step.ms, 0)).toBe(100_001);
  });

  it('names the current step and what is left of it', () => {
    const timed = fitSteps(steps, 120_000);
    expect(stepAt(timed, 0)).toMatchObject({ index: 0, remainingMs: 60_000 });
    expect(stepAt(timed, 59_999)).toMatchObject({ index: 0, remainingMs: 1 });
    expect(stepAt(timed, 60_000)).toMatchObject({ index: 1, remainingMs: 30_000 });
    expect(stepAt(timed, 100_000)).toMatchObject({ index: 2, remainingMs: 20_000 });
    expect(stepAt(timed, 500_000)).toMatchObject({ index: 2, remainingMs: 0 });
    expect(stepAt([], 10)).toBeNull();
  });
});

describe('the stopwatch', () => {
  it('leaves paused time out, however long the pause', () => {
    let watch = startStopwatch(10_000);
    expect(elapsed(watch, 13_000)).toBe(3_000);
    watch = pauseStopwatch(watch, 13_000);
    expect(elapsed(watch, 500_000)).toBe(3_000);
    watch = resumeStopwatch(watch, 500_000);
    expect(elapsed(watch, 501_000)).toBe(4_000);
    // Pausing twice or resuming while running changes nothing.
    expect(pauseStopwatch(pauseStopwatch(watch, 502_000), 900_000)).toEqual(pauseStopwatch(watch, 502_000));
    expect(resumeStopwatch(watch, 700_000)).toBe(watch);
  });

  it('puts the pacer back exactly where it paused', () => {
    const timed = timePhases(box);
    let watch = startStopwatch(0);
    watch = pauseStopwatch(watch, 5_500);
    const before = breathAt(timed, elapsed(watch, 5_500));
    watch = resumeStopwatch(watch, 65_432);
    expect(breathAt(timed, elapsed(watch, 65_432))).toEqual(before);
    expect(breathAt(timed, elapsed(watch, 65_432 + 2_500)).phase.name).toBe('out');
  });
});

describe('time left', () => {
  it('counts down and reads like a clock, rounded up', () => {
    expect(remainingMs(300_000, 1_000)).toBe(299_000);
    expect(remainingMs(300_000, 400_000)).toBe(0);
    expect(clockText(299_000)).toBe('4:59');
    expect(clockText(298_001)).toBe('4:59');
    expect(clockText(5_000)).toBe('0:05');
    expect(clockText(0)).toBe('0:00');
  });
});
