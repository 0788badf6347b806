import { screen, within } from '@testing-library/preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../api/fake-fetch';
import { fakeApi, problem } from '../../test/fake-api';
import { booking, therapyType } from './console-fixtures';
import { practitioner, renderConsole } from './render-console';
import { preloadConsolePages } from './routes';

beforeAll(() => preloadConsolePages());
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-30T10:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('/console', () => {
  it('shows today’s sessions and the next ones in her zone, how many wait, and the way to every page', async () => {
    const api = fakeApi({
      'GET /api/v1/me': practitioner,
      'GET /api/v1/console/schedule': () =>
        jsonResponse(200, { time_zone: 'America/New_York', weekly: [{ weekday: 'mon', start: '09:00', end: '17:00' }], overrides: [] }),
      'GET /api/v1/console/session-types': () => jsonResponse(200, { session_types: [therapyType()] }),
      'GET /api/v1/console/booking-settings': () => problem(503, 'unavailable'),
      'GET /api/v1/console/waitlist': () => jsonResponse(200, { entries: [{ id: 'w1', session_type: 'st_therapy', joined_at: '2026-03-01T10:00:00Z' }] }),
      'GET /api/v1/console/bookings': () =>
        jsonResponse(200, {
          bookings: [
            booking({ id: 'b3', start: '2026-04-02T14:00:00Z', end: '2026-04-02T14:50:00Z', client: { display_name: 'Jo' } }),
            booking(),
            booking({ id: 'b2', start: '2026-03-31T02:00:00Z', end: '2026-03-31T02:50:00Z', status: 'cancelled' }),
          ],
        }),
    });
    renderConsole('/console', api.client);
    const today = (await screen.findByRole('heading', { name: 'Today' })).closest('section')!;
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Console');
    // 08:00 UTC is 04:00 in New York, her schedule's zone.
    expect(within(today).getByRole('heading', { level: 3 }).textContent).toBe('04:00–04:50 · Therapy session');
    const next = screen.getByRole('heading', { name: 'Coming up' }).closest('section')!;
    expect(within(next).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      expect.stringMatching(/^Thursday,? 2 April, 10:00 · Therapy session$/),
    ]);
    expect(within(next).getByText('With Jo.')).toBeTruthy();
    expect(screen.getByText('1 person is waiting.')).toBeTruthy();
    // Nothing missing that could be read; settings could not be, and are not guessed at.
    expect(screen.queryByRole('heading', { name: 'Before clients can book' })).toBeNull();
    const nav = screen.getByRole('navigation', { name: 'Console' });
    expect(within(nav).getByRole('link', { name: 'Overview' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual([
      '/console',
      '/console/sessions',
      '/console/clients',
      '/console/schedule',
      '/console/session-types',
      '/console/booking-settings',
      '/console/waitlist',
      '/console/questionnaires',
      '/console/content',
      '/console/audit',
    ]);
  });

  it('says what is missing before clients can book', async () => {
    const api = fakeApi({
      'GET /api/v1/me': practitioner,
      'GET /api/v1/console/schedule': () => jsonResponse(200, { time_zone: '', weekly: [], overrides: [] }),
      'GET /api/v1/console/session-types': () => jsonResponse(200, { session_types: [therapyType({ active: false })] }),
      'GET /api/v1/console/booking-settings': () =>
        jsonResponse(200, {
          served: { countries: [], us_states: [] },
          outside_message: '',
          video: { mode: 'none', url: '' },
          cancellation: { late_window_hours: 48, late_action: 'allow', text: '' },
        }),
      'GET /api/v1/console/waitlist': () => jsonResponse(200, { entries: [] }),
      'GET /api/v1/console/bookings': () => jsonResponse(200, { bookings: [] }),
    });
    renderConsole('/console', api.client);
    const todo = (await screen.findByRole('heading', { name: 'Before clients can book' })).closest('section')!;
    expect(within(todo).getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Set your hours', '/console/schedule'],
      ['Add a session type', '/console/session-types/new'],
      ['Choose where you see clients', '/console/booking-settings'],
    ]);
    expect(screen.getByText('No sessions today.')).toBeTruthy();
    expect(screen.getByText('No one is waiting.')).toBeTruthy();
  });

  it('offers to try again when the sessions cannot be loaded', async () => {
    const api = fakeApi({ 'GET /api/v1/me': practitioner, 'GET /api/v1/console/bookings': () => problem(500, 'internal') });
    renderConsole('/console', api.client);
    expect(await screen.findByText(/We couldn’t load your sessions\. Something went wrong on our side/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});

describe('/console/waitlist', () => {
  it('lists who is waiting in the order they joined, naming each session type', async () => {
    const api = fakeApi({
      'GET /api/v1/me': practitioner,
      'GET /api/v1/console/session-types': () => jsonResponse(200, { session_types: [therapyType()] }),
      'GET /api/v1/console/waitlist': () =>
        jsonResponse(200, {
          entries: [
            { id: 'w1', session_type: 'st_therapy', joined_at: '2026-03-01T10:00:00Z', client: { display_name: 'Sam' } },
            {
              id: 'w2',
              session_type: { id: 'st_free', name: 'First conversation' },
              joined_at: '2026-03-02T10:00:00Z',
              notified_at: '2026-03-05T10:00:00Z',
              client: { id: 'u2', display_name: '' },
            },
          ],
        }),
    });
    renderConsole('/console/waitlist', api.client);
    const list = (await screen.findByRole('heading', { name: 'Sam' })).closest('ol')!;
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'SamWaiting for Therapy session since 1 March 2026.',
      'A clientWaiting for First conversation since 2 March 2026. Emailed about a free time on 5 March 2026.',
    ]);
    expect(
      within(screen.getByRole('navigation', { name: 'Console' })).getByRole('link', { name: 'Waitlist' }).getAttribute('aria-current'),
    ).toBe('page');
  });
});
