import { act, fireEvent, render, screen, within } from '@testing-library/preact';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../api/fake-fetch';
import type { Practice } from '../../api/practices';
import { fakeApi } from '../../test/fake-api';
import { renderAt } from '../../test/render-at';
import { fakeCaches } from './fake-caches';
import { boxBreathing, grounding, resonance } from './practice-fixtures';
import { PracticePlayer, type PracticeResult } from './practice-player';

// A fake clock and animation frames: time moves only when the test says, and each frame the
// browser would paint runs then.
let clock = 0;
let frames: FrameRequestCallback[] = [];

beforeEach(() => {
  clock = 1_000;
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    frames.push(callback);
    return frames.length;
  });
  vi.stubGlobal('cancelAnimationFrame', () => {
    frames = [];
  });
});

/** Moves the clock on by `ms`, painting a frame every `step` ms along the way. */
function advance(ms: number, step = 16) {
  const end = clock + ms;
  act(() => {
    while (clock < end) {
      clock = Math.min(end, clock + step);
      const due = frames;
      frames = [];
      for (const callback of due) callback(clock);
    }
  });
}

function play(practice: Practice) {
  const finished: PracticeResult[] = [];
  render(<PracticePlayer practice={practice} now={() => clock} onFinished={(result) => finished.push(result)} />);
  return finished;
}

const liveWords = () => document.querySelector('.pacer-phase')!;
const timeLeft = () => document.querySelector('.practice-time')!.textContent;
const circleTransform = () => document.querySelector<HTMLElement>('.pacer-circle')!.style.transform;

describe('the practice player', () => {
  it('begins, pauses, resumes, ends early and reports what happened', () => {
    const finished = play(boxBreathing());
    expect(screen.getByText('Sit comfortably and follow the circle.')).toBeTruthy();
    expect((screen.getByRole('radio', { name: '5 minutes' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: '3 minutes' }));
    fireEvent.click(within(screen.getByRole('group', { name: /right now/ })).getByRole('radio', { name: '6' }));
    fireEvent.click(screen.getByRole('button', { name: 'Begin' }));

    // Three minutes rounds up to whole breaths of 16 s: 12 breaths, 3:12.
    expect(liveWords().textContent).toBe('Breathe in');
    expect(liveWords().getAttribute('aria-live')).toBe('polite');
    expect(timeLeft()).toBe('3:12 left');
    expect(screen.getByRole('button', { name: 'Pause' })).toBe(document.activeElement);

    advance(4_000);
    expect(liveWords().textContent).toBe('Hold');
    advance(1_000);
    expect(timeLeft()).toBe('3:07 left');

    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(liveWords().textContent).toBe('Paused');
    advance(60_000, 1_000);
    expect(timeLeft()).toBe('3:07 left');

    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    advance(16);
    expect(liveWords().textContent).toBe('Hold');
    advance(3_000);
    expect(liveWords().textContent).toBe('Breathe out');

    fireEvent.click(screen.getByRole('button', { name: 'End now' }));
    expect(screen.getByRole('heading', { level: 2, name: 'You stopped, and that is fine' })).toBe(document.activeElement);
    expect(screen.getByText(/You gave this 8 seconds/)).toBeTruthy();
    fireEvent.click(within(screen.getByRole('group', { name: /feel now/ })).getByRole('radio', { name: '3' }));
    fireEvent.click(screen.getByRole('button', { name: 'Finish' }));

    expect(screen.getByRole('heading', { level: 2, name: 'Thank you for taking this time' })).toBeTruthy();
    expect(screen.getByText('You said 6 out of 10 before, and 3 now.')).toBeTruthy();
    expect(finished).toHaveLength(1);
    expect(finished[0]).toEqual({
      practice_id: 'box-breathing',
      started_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      duration_seconds: 8,
      distress_before: 6,
      distress_after: 3,
    });
  });

  it('runs to the end by itself, and leaves out distress that was skipped', () => {
    const finished = play(boxBreathing({ durations: [1], default_duration: 1 }));
    fireEvent.click(screen.getByRole('button', { name: 'Begin' }));
    advance(63_900, 500);
    expect(screen.queryByRole('heading', { level: 2 })).toBeNull();
    advance(200, 100);
    expect(screen.getByRole('heading', { level: 2, name: 'You made it to the end' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Finish' }));
    expect(finished).toEqual([{ practice_id: 'box-breathing', started_at: expect.any(String), duration_seconds: 64 }]);

    // And again, with the same choices.
    fireEvent.click(screen.getByRole('button', { name: 'Do it again' }));
    expect((screen.getByRole('radio', { name: '1 minute' }) as HTMLInputElement).checked).toBe(true);
  });

  it('speaks once per phase, never per frame, while the circle moves every frame', () => {
    play(boxBreathing());
    fireEvent.click(screen.getByRole('button', { name: 'Begin' }));
    const changes: string[] = [];
    const observer = new MutationObserver(() => {});
    observer.observe(liveWords(), { childList: true, characterData: true, subtree: true });
    const sizes = new Set<string>();
    for (let i = 0; i < 500; i += 1) {
      advance(16);
      sizes.add(circleTransform());
      for (const _ of observer.takeRecords()) changes.push(liveWords().textContent ?? '');
    }
    observer.disconnect();
    // 8 s: in → hold → out, and nothing in between.
    expect(changes).toEqual(['Hold', 'Breathe out']);
    expect(sizes.size).toBeGreaterThan(150);
    expect([...sizes].every((size) => /^scale\(\d\.\d{4}\)$/.test(size))).toBe(true);
  });

  it('scales the breath to the chosen number of breaths a minute', () => {
    play(resonance());
    const rate = screen.getByRole('group', { name: 'Breaths a minute' });
    expect(within(rate).getAllByRole('radio').map((r) => (r as HTMLInputElement).value)).toEqual(['4', '5', '6', '7', '8']);
    expect((within(rate).getByRole('radio', { name: '6' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(rate).getByRole('radio', { name: '4' }));
    fireEvent.click(screen.getByRole('button', { name: 'Begin' }));
    // Four a minute: 15 s a breath, in for 6 s (4 of 10), out for 9 s.
    advance(5_900, 100);
    expect(liveWords().textContent).toBe('Breathe in');
    advance(200, 100);
    expect(liveWords().textContent).toBe('Breathe out');
    advance(8_800, 100);
    expect(liveWords().textContent).toBe('Breathe out');
    advance(200, 100);
    expect(liveWords().textContent).toBe('Breathe in');
  });

  it('walks through the steps of a step practice, each fitted to the length chosen', () => {
    play(grounding());
    fireEvent.click(screen.getByRole('button', { name: 'Begin' }));
    expect(screen.getByText('Step 1 of 3')).toBeTruthy();
    const step = document.querySelector('.practice-step-text')!;
    expect(step.textContent).toBe('Name five things you can see.');
    expect(step.getAttribute('aria-live')).toBe('polite');
    expect(timeLeft()).toBe('3:00 left');
    advance(60_000, 1_000);
    expect(screen.getByText('Step 2 of 3')).toBeTruthy();
    expect(step.textContent).toBe('Notice four things you can feel.');
  });

  it('with reduced motion, keeps the circle still and counts each phase in words', () => {
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query.includes('reduce'),
      media: query,
      addEventListener: () => {},
      removeEventListener: () => {},
    }));
    play(boxBreathing());
    fireEvent.click(screen.getByRole('button', { name: 'Begin' }));
    const count = () => document.querySelector('.pacer-count')!.textContent;
    expect(count()).toBe('one');
    advance(1_000);
    expect(count()).toBe('two');
    advance(2_500);
    expect(count()).toBe('four');
    expect(circleTransform()).toBe('');
    advance(600);
    expect(liveWords().textContent).toBe('Hold');
    expect(count()).toBe('one');
    expect(document.querySelector('.pacer-still')).toBeTruthy();
  });
});

describe('distress before a practice', () => {
  beforeAll(async () => {
    await import('./practice-page');
  });

  it('brings "Need help now" forward at 9, kindly, and still lets the practice begin', async () => {
    vi.stubGlobal('caches', fakeCaches());
    const api = fakeApi({ 'GET /api/v1/practices': () => jsonResponse(200, { practices: [boxBreathing()] }) });
    renderAt('/practices/box-breathing', api.client);
    expect(await screen.findByRole('heading', { level: 1, name: 'Box breathing' })).toBeTruthy();
    fireEvent.click(within(screen.getByRole('group', { name: /right now/ })).getByRole('radio', { name: '9' }));
    expect(screen.getByText(/That sounds really hard/)).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Begin' }));
    expect(screen.getByRole('dialog', { name: 'Need help now' })).toBeTruthy();
    expect(screen.getByText(/The people in “Need help now” are there for moments like this./).getAttribute('role')).toBe('status');
    fireEvent.click(screen.getByRole('button', { name: 'Begin the practice' }));
    expect(liveWords().textContent).toBe('Breathe in');
  });

  it('does not open the panel for an 8', async () => {
    vi.stubGlobal('caches', fakeCaches());
    const api = fakeApi({ 'GET /api/v1/practices': () => jsonResponse(200, { practices: [boxBreathing()] }) });
    renderAt('/practices/box-breathing', api.client);
    await screen.findByRole('heading', { level: 1, name: 'Box breathing' });
    fireEvent.click(within(screen.getByRole('group', { name: /right now/ })).getByRole('radio', { name: '8' }));
    fireEvent.click(screen.getByRole('button', { name: 'Begin' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(liveWords().textContent).toBe('Breathe in');
  });

  it('says so kindly when the practice does not exist', async () => {
    vi.stubGlobal('caches', fakeCaches());
    const api = fakeApi({ 'GET /api/v1/practices': () => jsonResponse(200, { practices: [boxBreathing()] }) });
    renderAt('/practices/no-such-thing', api.client);
    expect(await screen.findByRole('heading', { level: 1, name: 'Practice not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'See all the practices' }).getAttribute('href')).toBe('/practices');
  });

  it('opens offline from the kept catalogue', async () => {
    vi.stubGlobal('caches', fakeCaches());
    const online = fakeApi({ 'GET /api/v1/practices': () => jsonResponse(200, { practices: [grounding()] }) });
    const first = renderAt('/practices', online.client);
    await screen.findByRole('link', { name: 'Begin: Grounding through the five senses' });
    first.unmount();
    const offline = fakeApi({
      'GET /api/v1/practices': () => {
        throw new TypeError('Failed to fetch');
      },
    });
    renderAt('/practices/grounding-54321', offline.client);
    expect(await screen.findByRole('heading', { level: 1, name: 'Grounding through the five senses' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Begin' })).toBeTruthy();
  });
});
