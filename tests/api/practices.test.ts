// The practice catalogue through the real binary: every practice the course embeds is served to
// anyone (the player works before signing up), each in the documented shape with safe HTML
// instructions, breathing patterns and steps that add up, and an unknown id answers 404.
import { describe, expect, inject, it } from 'vitest';
import { createClient } from '../../web/src/api/client';
import { signIds } from '../../web/src/api/checkins';
import { getPractice, listPractices, type Practice } from '../../web/src/api/practices';
import { failure } from './support/failure';

const anonymous = createClient({ baseUrl: inject('baseUrl') });

/** The ids lessons embed (server/src/domain/course/practice_ids.h). */
const courseIds = [
  'resonance-breathing', 'cyclic-sighing', 'box-breathing', 'grounding-54321', 'orienting',
  'body-scan', 'soothing-touch', 'self-compassion-break', 'pause-before-reacting', 'time-alone',
];

function byId(practices: Practice[], id: string): Practice {
  const p = practices.find((x) => x.id === id);
  if (!p) throw new Error(`no practice ${id}`);
  return p;
}

describe('practice catalogue', () => {
  it('lists every practice the course uses, without signing in, in file-name order', async () => {
    const practices = await listPractices(anonymous);
    const ids = practices.map((p) => p.id);
    for (const id of courseIds) expect(ids).toContain(id);
    expect(ids).toEqual([...ids].sort());
  });

  it('gives each practice in the documented shape', async () => {
    for (const p of await listPractices(anonymous)) {
      expect(Object.keys(p).sort(), p.id).toEqual([
        'breathing', 'default_duration', 'durations', 'evidence', 'id', 'instructions_html', 'kind',
        'signs', 'steps', 'summary', 'title',
      ]);
      expect(['breathing', 'steps', 'timer'], p.id).toContain(p.kind);
      expect(p.durations.length, p.id).toBeGreaterThan(0);
      expect(p.durations, p.id).toEqual([...p.durations].sort((a, b) => a - b));
      expect(p.durations, p.id).toContain(p.default_duration);
      for (const d of p.durations) expect(Number.isInteger(d) && d >= 1 && d <= 60, p.id).toBe(true);
      expect(p.instructions_html, p.id).toMatch(/^<p>/);
      expect(p.instructions_html, p.id).not.toMatch(/<script|<!-- raw HTML/i);
      expect(p.instructions_html, p.id).toMatch(/stop at\s+any time/);
      expect(p.evidence.length, p.id).toBeGreaterThan(40);
      expect(p.summary.length, p.id).toBeGreaterThan(10);
      for (const s of p.signs) expect(signIds, p.id).toContain(s);
      if (p.kind === 'breathing') {
        expect(p.breathing, p.id).not.toBeNull();
        expect(p.steps, p.id).toEqual([]);
        const names = p.breathing!.phases.map((x) => x.name);
        expect(names, p.id).toContain('in');
        expect(names, p.id).toContain('out');
        for (const phase of p.breathing!.phases) expect(phase.seconds, p.id).toBeGreaterThan(0);
      } else {
        expect(p.breathing, p.id).toBeNull();
      }
      if (p.kind === 'steps') {
        const total = p.steps.reduce((sum, s) => sum + s.seconds, 0);
        expect(total, p.id).toBe(p.default_duration * 60);
        for (const s of p.steps) expect(s.text.length, p.id).toBeGreaterThan(0);
      }
    }
  });

  it('paces resonance breathing at six breaths a minute, adjustable from four to eight', async () => {
    const p = byId(await listPractices(anonymous), 'resonance-breathing');
    expect(p.kind).toBe('breathing');
    expect(p.breathing!.rate).toEqual({ default: 6, min: 4, max: 8 });
    const cycle = p.breathing!.phases.reduce((sum, x) => sum + x.seconds, 0);
    expect(cycle).toBe(60 / p.breathing!.rate!.default);
  });

  it('gives cyclic sighing two breaths in and a longer breath out, five minutes by default', async () => {
    const p = await getPractice('cyclic-sighing', anonymous);
    expect(p.default_duration).toBe(5);
    const phases = p.breathing!.phases;
    expect(phases.map((x) => x.name)).toEqual(['in', 'top-up', 'out']);
    expect(phases[2]!.seconds).toBeGreaterThan(phases[0]!.seconds + phases[1]!.seconds);
    expect(p.breathing!.rate).toBeNull();
  });

  it('gives box breathing four equal sides', async () => {
    const p = await getPractice('box-breathing', anonymous);
    expect(p.breathing!.phases).toEqual([
      { name: 'in', seconds: 4 }, { name: 'hold', seconds: 4 },
      { name: 'out', seconds: 4 }, { name: 'hold', seconds: 4 },
    ]);
  });

  it('gives one practice by id, the same as in the list', async () => {
    const list = await listPractices(anonymous);
    const one = await getPractice('grounding-54321', anonymous);
    expect(one).toEqual(byId(list, 'grounding-54321'));
    expect(one.kind).toBe('steps');
    expect(one.steps.length).toBeGreaterThanOrEqual(5);
  });

  it('answers 404 for a practice it does not have', async () => {
    for (const id of ['humming', 'Box-Breathing', 'box-breathing.toml']) {
      const error = await failure(getPractice(id, anonymous));
      expect(error.status, id).toBe(404);
    }
  });
});
