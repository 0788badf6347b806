// A finished practice, kept: through the whole app (player, queue, sync) against a fake server.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../api/fake-fetch';
import { fakeApi, noContent, person, problem, type Handler } from '../../test/fake-api';
import { renderAt } from '../../test/render-at';
import { fakeCaches } from './fake-caches';
import { boxBreathing } from './practice-fixtures';
import { practiceQueue } from './session-queue';
import { storageKey } from './session-queue-store';
import { sessionBody } from './session-fixtures';

let clock = 0;
let frames: FrameRequestCallback[] = [];

beforeAll(async () => {
  await import('./practice-page');
});

beforeEach(() => {
  localStorage.clear();
  practiceQueue.clear();
  clock = 1_000;
  frames = [];
  vi.stubGlobal('caches', fakeCaches());
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    frames.push(callback);
    return frames.length;
  });
  vi.stubGlobal('cancelAnimationFrame', () => {
    frames = [];
  });
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
});

function advance(ms: number) {
  act(() => {
    const end = clock + ms;
    while (clock < end) {
      clock = Math.min(end, clock + 100);
      const due = frames;
      frames = [];
      for (const callback of due) callback(clock);
    }
  });
}

const catalogue: Handler = () => jsonResponse(200, { practices: [boxBreathing()] });
const me: Handler = () => jsonResponse(200, person());

/** Begin with a 6, practise 42 seconds, end, rate `after`, finish. */
async function practise(after = '3') {
  await screen.findByRole('heading', { level: 1, name: 'Box breathing' });
  fireEvent.click(within(screen.getByRole('group', { name: /right now/ })).getByRole('radio', { name: '6' }));
  fireEvent.click(screen.getByRole('button', { name: 'Begin' }));
  advance(42_000);
  fireEvent.click(screen.getByRole('button', { name: 'End now' }));
  fireEvent.click(within(screen.getByRole('group', { name: /feel now/ })).getByRole('radio', { name: after }));
  fireEvent.click(screen.getByRole('button', { name: 'Finish' }));
  await screen.findByRole('heading', { level: 2, name: 'Thank you for taking this time' });
}

const stored = () => localStorage.getItem(storageKey);

describe('recording a finished practice', () => {
  it('sends it at once when signed in, with an id made here, and says it was added', async () => {
    const api = fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/practices': catalogue,
      'POST /api/v1/practice-sessions': () => jsonResponse(201, {}),
    });
    renderAt('/practices/box-breathing', api.client);
    await practise();
    expect(await screen.findByText('Added to your practice history.')).toBeTruthy();
    const [body] = api.sent('POST /api/v1/practice-sessions') as Record<string, unknown>[];
    expect(body).toMatchObject({
      practice_id: 'box-breathing',
      duration_seconds: 42,
      distress_before: 6,
      distress_after: 3,
    });
    expect(body!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(body!.started_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(screen.getByRole('link', { name: 'See your practice history' }).getAttribute('href')).toBe(
      '/practices/history',
    );
    expect(stored()).toBeNull();

    // Again: a new session, a new id.
    fireEvent.click(screen.getByRole('button', { name: 'Do it again' }));
    await practise('2');
    await waitFor(() => expect(api.sent('POST /api/v1/practice-sessions')).toHaveLength(2));
    const [first, second] = api.sent('POST /api/v1/practice-sessions') as { id: string }[];
    expect(second!.id).not.toBe(first!.id);
  });

  it('keeps it on this device with no connection, and sends the same session when back online', async () => {
    let online = false;
    const api = fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/practices': catalogue,
      'POST /api/v1/practice-sessions': () => {
        if (!online) throw new TypeError('Failed to fetch');
        return jsonResponse(201, {});
      },
    });
    renderAt('/practices/box-breathing', api.client);
    await practise();
    expect(await screen.findByText(/Kept safely on this device for now. It will be added to your history when you are back online./)).toBeTruthy();
    expect(stored()).not.toBeNull();

    online = true;
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(await screen.findByText('Added to your practice history.')).toBeTruthy();
    const sent = api.sent('POST /api/v1/practice-sessions') as { id: string }[];
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual(sent[0]);
    expect(stored()).toBeNull();
  });

  it('keeps nothing when signed out, and says once, gently, what logging in would keep', async () => {
    const api = fakeApi({ 'GET /api/v1/practices': catalogue });
    renderAt('/practices/box-breathing', api.client);
    await practise();
    const note = screen.getByText(/If you would like a history of your practices/);
    expect(within(note).getByRole('link', { name: 'log in' }).getAttribute('href')).toBe(
      '/login?next=%2Fpractices%2Fhistory',
    );
    expect(api.sent('POST /api/v1/practice-sessions')).toHaveLength(0);
    expect(stored()).toBeNull();
  });

  it('a 10 afterwards brings "Need help now" forward, and the practice is still kept', async () => {
    const api = fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/practices': catalogue,
      'POST /api/v1/practice-sessions': () => jsonResponse(201, {}),
    });
    renderAt('/practices/box-breathing', api.client);
    await practise('10');
    expect(screen.getByRole('dialog', { name: 'Need help now' })).toBeTruthy();
    await waitFor(() => expect(api.sent('POST /api/v1/practice-sessions')).toHaveLength(1));
    expect(api.sent('POST /api/v1/practice-sessions')[0]).toMatchObject({ distress_after: 10 });
  });

  it('sends what was waiting when the app starts signed in', async () => {
    const waiting = sessionBody();
    practiceQueue.add(waiting, 'u1');
    const api = fakeApi({ 'GET /api/v1/me': me, 'POST /api/v1/practice-sessions': () => jsonResponse(200, {}) });
    renderAt('/', api.client);
    await waitFor(() => expect(api.sent('POST /api/v1/practice-sessions')).toEqual([waiting]));
    await waitFor(() => expect(stored()).toBeNull());
  });

  it('opened offline: kept without an owner, then sent by the log-in found when back online', async () => {
    let online = false;
    const api = fakeApi({
      'GET /api/v1/me': () => {
        if (!online) throw new TypeError('Failed to fetch');
        return jsonResponse(200, person());
      },
      'GET /api/v1/practices': catalogue,
      'POST /api/v1/practice-sessions': () => jsonResponse(201, {}),
    });
    renderAt('/practices/box-breathing', api.client);
    await practise();
    expect(
      await screen.findByText(/It will be added to your history once Secure Base can be reached./),
    ).toBeTruthy();
    expect(api.sent('POST /api/v1/practice-sessions')).toHaveLength(0);
    online = true;
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(await screen.findByText('Added to your practice history.')).toBeTruthy();
    expect(api.sent('POST /api/v1/practice-sessions')).toHaveLength(1);
  });

  it('logging out from the menu forgets what was waiting; time running out does not', async () => {
    let signedIn = true;
    const api = fakeApi({
      'GET /api/v1/me': () => (signedIn ? jsonResponse(200, person()) : problem(401, 'unauthenticated')),
      'POST /api/v1/practice-sessions': () => problem(401, 'unauthenticated'),
      'POST /api/v1/auth/logout': () => noContent(),
    });
    practiceQueue.add(sessionBody(), 'u1');
    renderAt('/', api.client);
    // Sent, refused for want of a session: still kept.
    await waitFor(() => expect(api.sent('POST /api/v1/practice-sessions')).toHaveLength(1));
    expect(practiceQueue.waiting('u1')).toBe(1);
    signedIn = false;
    fireEvent.click(await screen.findByRole('button', { name: 'Log out' }));
    await waitFor(() => expect(stored()).toBeNull());
    expect(practiceQueue.waiting('u1')).toBe(0);
  });
});
