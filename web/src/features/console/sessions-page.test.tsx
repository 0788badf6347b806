import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleBooking } from '../../api/console-scheduling';
import { jsonResponse } from '../../api/fake-fetch';
import { fakeApi, problem, type Handler } from '../../test/fake-api';
import { booking } from './console-fixtures';
import { practitioner, renderConsole } from './render-console';
import { preloadConsolePages } from './routes';

beforeAll(() => preloadConsolePages());
// Only Date is faked: the waits of Testing Library still run on real timers.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-30T10:00:00Z'));
});
afterEach(() => vi.useRealTimers());

const schedule: Handler = () => jsonResponse(200, { time_zone: 'Europe/London', weekly: [], overrides: [] });

const begun = booking();
const tomorrow = booking({
  id: 'bk_2',
  start: '2026-03-31T13:00:00Z',
  end: '2026-03-31T13:50:00Z',
  time_zone: 'Europe/London',
  client: { id: 'u8', display_name: 'Jo' },
});
/** Jo's answers, as GET /console/bookings/bk_2/intake gives them. */
const josAnswers: Handler = () =>
  jsonResponse(200, {
    booking: 'bk_2',
    intake: [
      { id: 'hopes', question: 'What would you like help with?', answer: 'Sleeping again.' },
      { id: 'before', question: 'Have you had therapy before?', answer: null },
    ],
  });
const cancelled = booking({
  id: 'bk_3',
  start: '2026-03-31T15:00:00Z',
  end: '2026-03-31T15:50:00Z',
  status: 'cancelled',
  late_cancel: true,
  client: { id: 'u9', display_name: 'Ali' },
  has_intake: false,
});

/** Answers an action with the booking as the server does: without who booked it. */
function answerAs(b: ConsoleBooking, change: Partial<ConsoleBooking>): Handler {
  const { client: _c, has_intake: _i, ...rest } = b;
  return () => jsonResponse(200, { ...rest, ...change });
}

describe('/console/sessions', () => {
  it('lists sessions day by day in her zone, with the client, their time, and a way to their answers', async () => {
    const api = fakeApi({
      'GET /api/v1/me': practitioner,
      'GET /api/v1/console/schedule': schedule,
      'GET /api/v1/console/bookings': () => jsonResponse(200, { bookings: [tomorrow, cancelled, begun] }),
    });
    renderConsole('/console/sessions', api.client);
    const today = await screen.findByRole('heading', { level: 2, name: /^Today, Monday,? 30 March 2026$/ });
    const days = screen.getAllByRole('heading', { level: 2 }).filter((h) => h.closest('section')?.getAttribute('aria-labelledby')?.startsWith('day-'));
    expect(days.map((h) => h.textContent)).toEqual([today.textContent, expect.stringMatching(/^Tuesday,? 31 March 2026$/)]);
    // London is on summer time: 08:00 UTC is 09:00 for her, 04:00 in New York.
    const first = today.closest('section')!;
    expect(within(first).getByRole('heading', { level: 3 }).textContent).toBe('09:00–09:50 · Therapy session');
    expect(within(first).getByText(/With Sam\./).textContent).toContain('Their time: 04:00 (America/New York).');

    const jo = screen.getByRole('heading', { level: 3, name: '14:00–14:50 · Therapy session' }).closest('li')!;
    // The answers are not in the calendar: only a way to open them, saying the client will know.
    expect(within(jo).getByRole('button', { name: /^Show answers for Therapy session with Jo, Tuesday,? 31 March, 14:00$/ })).toBeTruthy();
    expect(within(jo).getByText('Jo can see each time you open them.')).toBeTruthy();
    expect(within(jo).queryByText('What would you like help with?')).toBeNull();

    const ali = screen.getByRole('heading', { level: 3, name: '16:00–16:50 · Therapy session' }).closest('li')!;
    expect(within(ali).getByText('Cancelled, late')).toBeTruthy();
    expect(within(ali).queryByRole('button')).toBeNull();
    expect(api.requests.some((r) => r.url.endsWith('/intake'))).toBe(false);
    // Asked for from a day ago, for 60 days.
    const asked = api.requests.find((r) => r.url.startsWith('/api/v1/console/bookings'))!;
    expect(Object.fromEntries(new URL(asked.url, 'http://x').searchParams)).toEqual({
      from: '2026-03-29T10:00:00Z',
      to: '2026-05-29T10:00:00Z',
    });
  });

  it('notes whether a client came once the session has begun, keeping who it was with', async () => {
    const api = fakeApi({
      'GET /api/v1/me': practitioner,
      'GET /api/v1/console/schedule': schedule,
      'GET /api/v1/console/bookings': () => jsonResponse(200, { bookings: [begun, tomorrow] }),
      'POST /api/v1/console/bookings/bk_1/attendance': answerAs(begun, { status: 'no_show' }),
    });
    renderConsole('/console/sessions', api.client);
    const sam = (await screen.findByRole('group', { name: /^Did Sam come\?/ })) as HTMLElement;
    // Only a session that has begun can be marked; only one that has not can be cancelled.
    const jo = screen.getByRole('heading', { level: 3, name: '14:00–14:50 · Therapy session' }).closest('li')!;
    expect(within(jo).queryByRole('button', { name: /they came/ })).toBeNull();
    expect(screen.getAllByRole('button', { name: /^Cancel this session/ })).toHaveLength(1);

    fireEvent.click(within(sam).getByRole('button', { name: 'No, they didn’t come' }));
    const note = await screen.findByText(/^Noted: Sam did not come to Therapy session with Sam/);
    await waitFor(() => expect(document.activeElement).toBe(note));
    expect(api.sent('POST /api/v1/console/bookings/bk_1/attendance')).toEqual([{ outcome: 'no_show' }]);
    const card = screen.getByRole('heading', { level: 3, name: '09:00–09:50 · Therapy session' }).closest('li')!;
    expect(within(card).getByText('Did not come')).toBeTruthy();
    expect(within(card).getByText(/With Sam\./)).toBeTruthy();
    expect(screen.queryByRole('group', { name: /^Did Sam come\?/ })).toBeNull();
  });

  it('cancels a session only after asking, and says so when the server refuses', async () => {
    let refuse = true;
    const api = fakeApi({
      'GET /api/v1/me': practitioner,
      'GET /api/v1/console/schedule': schedule,
      'GET /api/v1/console/bookings': () => jsonResponse(200, { bookings: [tomorrow] }),
      'GET /api/v1/console/bookings/bk_2/intake': josAnswers,
      'POST /api/v1/console/bookings/bk_2/cancel': () => {
        if (refuse) return problem(503, 'unavailable');
        return answerAs(tomorrow, { status: 'cancelled', cancelled_at: '2026-03-30T10:00:00Z' })({} as never);
      },
    });
    renderConsole('/console/sessions', api.client);
    fireEvent.click(await screen.findByRole('button', { name: /^Show answers for Therapy session with Jo/ }));
    await screen.findByText('Sleeping again.');
    fireEvent.click(screen.getByRole('button', { name: /^Cancel this session \(Therapy session with Jo/ }));
    const question = screen.getByRole('heading', { name: /^Cancel Therapy session with Jo, Tuesday,? 31 March, 14:00\?$/ });
    await waitFor(() => expect(document.activeElement).toBe(question));
    expect(screen.getByText(/Jo will get an email saying it’s cancelled/)).toBeTruthy();
    expect(api.requests.some((r) => r.url.endsWith('/cancel'))).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Yes, cancel it' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', expect.stringMatching(/^The session was not cancelled\. Something went wrong on our side/));
    refuse = false;
    fireEvent.click(screen.getByRole('button', { name: 'Yes, cancel it' }));
    const note = await screen.findByText(/is cancelled\. Jo is sent an email saying so/);
    await waitFor(() => expect(document.activeElement).toBe(note));
    expect(api.sent('POST /api/v1/console/bookings/bk_2/cancel')).toEqual([{}, {}]);
    expect(screen.getByText('Cancelled')).toBeTruthy();
    // The answers she opened stay after the server's shorter answer, without asking again.
    expect(screen.getByText('Sleeping again.')).toBeTruthy();
    expect(api.requests.filter((r) => r.url.endsWith('/bk_2/intake'))).toHaveLength(1);
  });

  it('switches to the past three months, newest first', async () => {
    const older = booking({ id: 'bk_0', start: '2026-03-20T09:00:00Z', end: '2026-03-20T09:50:00Z', status: 'attended' });
    const api = fakeApi({
      'GET /api/v1/me': practitioner,
      'GET /api/v1/console/schedule': schedule,
      'GET /api/v1/console/bookings': (r) =>
        jsonResponse(200, { bookings: r.url.includes('to=2026-03-30T10') ? [older, begun] : [] }),
    });
    renderConsole('/console/sessions', api.client);
    expect(await screen.findByText('No sessions are booked for the coming weeks.')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('The past three months'));
    await screen.findByText('Attended');
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.closest('section')!.querySelector('h2')!.textContent);
    expect(headings).toEqual([expect.stringMatching(/^Today/), expect.stringMatching(/20 March 2026$/)]);
    const asked = api.requests.filter((r) => r.url.startsWith('/api/v1/console/bookings')).pop()!;
    expect(Object.fromEntries(new URL(asked.url, 'http://x').searchParams)).toEqual({
      from: '2025-12-28T10:00:00Z',
      to: '2026-03-30T10:00:00Z',
    });
  });

  it('opens a session’s answers only when she asks, once, and says so when they cannot be opened', async () => {
    let refuse = true;
    const api = fakeApi({
      'GET /api/v1/me': practitioner,
      'GET /api/v1/console/schedule': schedule,
      'GET /api/v1/console/bookings': () => jsonResponse(200, { bookings: [tomorrow] }),
      'GET /api/v1/console/bookings/bk_2/intake': (r) => (refuse ? problem(503, 'unavailable') : josAnswers(r)),
    });
    renderConsole('/console/sessions', api.client);
    const show = await screen.findByRole('button', { name: /^Show answers for Therapy session with Jo/ });
    expect(show.getAttribute('aria-expanded')).toBe('false');
    // The audit row could not be written (or the server is away): nothing is shown.
    fireEvent.click(show);
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', expect.stringMatching(/^The answers were not opened\. Something went wrong on our side/));
    expect(screen.queryByText('Sleeping again.')).toBeNull();

    refuse = false;
    fireEvent.click(show);
    expect((await screen.findByText('What would you like help with?')).tagName).toBe('DT');
    expect(screen.getByText('Sleeping again.').tagName).toBe('DD');
    expect(screen.queryByText('Have you had therapy before?')).toBeNull(); // not answered
    expect(screen.queryByRole('alert')).toBeNull();
    const hide = screen.getByRole('button', { name: /^Hide answers for Therapy session with Jo/ });
    expect(hide.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(hide.getAttribute('aria-controls')!)?.textContent).toContain('Sleeping again.');

    // Hidden and shown again from what she already read: one look on record, not three.
    fireEvent.click(hide);
    expect(screen.queryByText('Sleeping again.')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /^Show answers/ }));
    expect(screen.getByText('Sleeping again.')).toBeTruthy();
    expect(api.requests.filter((r) => r.url.endsWith('/bk_2/intake'))).toHaveLength(2);
  });

  it('says a former client’s answers went with their account', async () => {
    const api = fakeApi({
      'GET /api/v1/me': practitioner,
      'GET /api/v1/console/schedule': schedule,
      'GET /api/v1/console/bookings': () => jsonResponse(200, { bookings: [tomorrow] }),
      'GET /api/v1/console/bookings/bk_2/intake': () => problem(404, 'not-found'),
    });
    renderConsole('/console/sessions', api.client);
    fireEvent.click(await screen.findByRole('button', { name: /^Show answers for Therapy session with Jo/ }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', expect.stringMatching(/closed their account, and their answers went with it/));
  });
});
