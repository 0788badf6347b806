// /sessions and /sessions/:id against a fake server: sessions coming up first with Join (active
// from join_opens_at), ways to move or cancel them or why not, past ones below, the waiting list;
// one session's page, and cancelling it (asked first, with the policy and the late wording).
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../api/fake-fetch';
import { preloadSchedulingPages } from '../../app';
import { fakeApi, noContent, person, problem, type Handler } from '../../test/fake-api';
import { renderAt } from '../../test/render-at';
import { booking, slotsAnswer, typesAnswer } from './scheduling-fixtures';
import { timeWords, whenWords } from './time-words';

beforeAll(() => preloadSchedulingPages());
beforeEach(() => {
  vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({
    timeZone: 'Europe/London',
  } as Intl.ResolvedDateTimeFormatOptions);
});

const me: Handler = () => jsonResponse(200, person());
const zone = 'Europe/London';

describe('/sessions', () => {
  it('shows sessions coming up first, with Join when it opens, then past ones, and a way to book', async () => {
    const now = booking(0.05, { id: 'bk_now', join_opens_at: new Date(Date.now() - 60_000).toISOString() });
    // Three days on at 14:00 UTC: the Join button opens the same day in London.
    const afternoon = new Date();
    afternoon.setUTCDate(afternoon.getUTCDate() + 3);
    afternoon.setUTCHours(14, 0, 0, 0);
    const later = booking((afternoon.getTime() - Date.now()) / 3_600_000, { id: 'bk_later' });
    const locked = booking(20, { id: 'bk_locked', can_change: false, change_refused_reason: 'late' });
    const past = booking(-100, { id: 'bk_past', status: 'attended' });
    const cancelled = booking(-50, { id: 'bk_cancelled', status: 'cancelled', late_cancel: true });
    const api = fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/bookings': () => jsonResponse(200, { bookings: [later, past, now, locked, cancelled] }),
      'GET /api/v1/waitlist': () => jsonResponse(200, { entries: [] }),
      'GET /api/v1/session-types': () => jsonResponse(200, typesAnswer()),
    });
    renderAt('/sessions', api.client);

    const upcoming = (await screen.findByRole('heading', { level: 2, name: 'Coming up' })).closest('section')!;
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['Sessions']);
    expect(screen.getByRole('link', { name: 'Book a session' }).getAttribute('href')).toBe('/sessions/book');
    expect(screen.getByText('Times are shown in London time, this device’s time zone.')).toBeTruthy();

    const cards = within(upcoming).getAllByRole('listitem');
    expect(cards.map((c) => within(c).getByRole('heading').textContent)).toEqual([
      whenWords(now.start, zone),
      whenWords(locked.start, zone),
      whenWords(later.start, zone),
    ]);
    // Open now: the Join button, to the video room in a new tab.
    const join = within(cards[0]!).getByRole('link', { name: 'Join the video session' });
    expect(join.getAttribute('href')).toBe('https://meet.example.org/sb-4m2k');
    expect(join.getAttribute('target')).toBe('_blank');
    // Not yet: when it opens.
    expect(within(cards[2]!).queryByRole('link', { name: 'Join the video session' })).toBeNull();
    expect(cards[2]!.textContent).toContain(`You can join from ${timeWords(later.join_opens_at, zone)}, 10 minutes before it starts.`);
    expect(within(cards[2]!).getByRole('link', { name: /^Move to another time/ }).getAttribute('href')).toBe('/sessions/bk_later/reschedule');
    expect(within(cards[2]!).getByRole('link', { name: /^Cancel the session/ }).getAttribute('href')).toBe('/sessions/bk_later?cancel=1');
    // Inside the refuse window: why, kindly, and what to do instead.
    expect(within(cards[1]!).queryByRole('link', { name: /^Cancel/ })).toBeNull();
    expect(cards[1]!.textContent).toContain('It’s now less than 48 hours until this session, so it can’t be cancelled or moved here.');
    expect(cards[1]!.textContent).toContain('please contact your therapist directly');

    const pastList = screen.getByRole('heading', { level: 2, name: 'Past and cancelled' }).closest('section')!;
    expect(within(pastList).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      `${whenWords(cancelled.start, zone)}Therapy session · Cancelled (late)`,
      `${whenWords(past.start, zone)}Therapy session · Attended`,
    ]);
  });

  it('says kindly when there is nothing booked yet', async () => {
    const api = fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/bookings': () => jsonResponse(200, { bookings: [] }),
      'GET /api/v1/waitlist': () => jsonResponse(200, { entries: [] }),
      'GET /api/v1/session-types': () => jsonResponse(200, typesAnswer()),
    });
    renderAt('/sessions', api.client);
    expect(await screen.findByText('You have no sessions booked just now.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Past and cancelled' })).toBeNull();
  });

  it('lists places on the waiting list, and leaves one', async () => {
    const api = fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/bookings': () => jsonResponse(200, { bookings: [] }),
      'GET /api/v1/waitlist': () =>
        jsonResponse(200, { entries: [{ id: 'wl_1', session_type: 'st_therapy', joined_at: '2026-03-03T10:00:00Z' }] }),
      'GET /api/v1/session-types': () => jsonResponse(200, typesAnswer()),
      'DELETE /api/v1/waitlist/wl_1': noContent,
    });
    renderAt('/sessions', api.client);
    const section = (await screen.findByRole('heading', { level: 2, name: 'Waiting list' })).closest('section')!;
    expect(section.textContent).toContain('You’re waiting for a time for Therapy session, since Tuesday 3 March.');
    fireEvent.click(within(section).getByRole('button', { name: 'Leave the waiting list for Therapy session' }));
    expect(await within(section).findByText('You’ve left the waiting list.')).toBeTruthy();
    expect(api.requests.filter((r) => r.init.method === 'DELETE').map((r) => r.url)).toEqual(['/api/v1/waitlist/wl_1']);
  });

  it('tells someone signed out what this is and how to begin', async () => {
    renderAt('/sessions', fakeApi({}).client);
    const main = within(screen.getByRole('main'));
    expect((await main.findByRole('link', { name: 'Log in' })).getAttribute('href')).toBe('/login?next=%2Fsessions');
    expect(screen.getByRole('main').textContent).toContain('book a video session with your therapist');
  });
});

describe('/sessions/:id', () => {
  function server(session: ReturnType<typeof booking>, cancel: Handler = () => jsonResponse(200, { ...session, status: 'cancelled' })) {
    return fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/bookings/bk_1': () => jsonResponse(200, session),
      'GET /api/v1/session-types': () => jsonResponse(200, typesAnswer()),
      'POST /api/v1/bookings/bk_1/cancel': cancel,
    });
  }

  it('asks before cancelling, with the policy and the late wording, and keeps the session on “No”', async () => {
    const session = booking(20);
    const api = server(session, () => jsonResponse(200, { ...session, status: 'cancelled', late_cancel: true }));
    renderAt('/sessions/bk_1', api.client);
    expect(await screen.findByRole('heading', { level: 1, name: 'Your session' })).toBeTruthy();
    fireEvent.click(await screen.findByRole('link', { name: 'Cancel this session' }));

    const heading = await screen.findByRole('heading', { name: 'Cancel this session?' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const panel = heading.closest('section')!;
    expect(location.search).toBe('?cancel=1');
    expect(panel.textContent).toContain('It’s less than 48 hours until this session, so cancelling now counts as a late cancellation.');
    expect(panel.textContent).toContain('Sessions cancelled less than 48 hours ahead are charged in full.');

    fireEvent.click(within(panel).getByRole('button', { name: 'No, keep it' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Cancel this session?' })).toBeNull());
    expect(api.requests.filter((r) => r.init.method === 'POST')).toHaveLength(0);

    fireEvent.click(screen.getByRole('link', { name: 'Cancel this session' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Yes, cancel this session' }));
    const news = await screen.findByText(/is cancelled\./);
    expect(news.textContent).toContain('As it was less than 48 hours before the start, it counts as a late cancellation');
    await waitFor(() => expect(document.activeElement).toBe(news.closest('.form-note')));
    expect(api.sent('POST /api/v1/bookings/bk_1/cancel')).toEqual([{}]);
    expect(screen.getByText('Cancelled (late cancellation)')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Cancel this session' })).toBeNull();
  });

  it('outside the late window, gives the policy plainly and no late wording', async () => {
    const api = server(booking(96));
    renderAt('/sessions/bk_1?cancel=1', api.client);
    const panel = (await screen.findByRole('heading', { name: 'Cancel this session?' })).closest('section')!;
    expect(panel.textContent).not.toContain('so cancelling now counts as a late cancellation');
    expect(panel.textContent).toContain('Within 48 hours of the start, cancelling counts as a late cancellation.');
  });

  it('when the server refuses a late change, says so and shows why', async () => {
    const session = booking(20);
    let refused = false;
    const api = fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/bookings/bk_1': () => jsonResponse(200, refused ? { ...session, can_change: false } : session),
      'GET /api/v1/session-types': () => jsonResponse(200, typesAnswer()),
      'POST /api/v1/bookings/bk_1/cancel': () => {
        refused = true;
        return problem(409, 'late-change-refused');
      },
    });
    renderAt('/sessions/bk_1?cancel=1', api.client);
    fireEvent.click(await screen.findByRole('button', { name: 'Yes, cancel this session' }));
    expect(await screen.findByText('This session can no longer be cancelled here, so nothing has changed.')).toBeTruthy();
    expect(await screen.findByText(/so it can’t be cancelled or moved here/)).toBeTruthy();
  });

  it('after booking: “You’re booked”, the time, how to join and the calendar invitation', async () => {
    const session = booking(72);
    renderAt('/sessions/bk_1?booked=1', server(session).client);
    expect(await screen.findByRole('heading', { level: 1, name: 'You’re booked' })).toBeTruthy();
    const main = screen.getByRole('main');
    await waitFor(() => expect(main.textContent).toContain(`Your session is booked for ${whenWords(session.start, zone)}, London time.`));
    expect(main.textContent).toContain('open it to add the session to your calendar');
    expect(main.textContent).toContain('You can join from');
  });
});

describe('/sessions/:id/reschedule', () => {
  it('moves a session with the same slot picker, asking to confirm first', async () => {
    const session = booking(72);
    const start = new Date(Date.now() + 5 * 86_400_000).toISOString().replace(/:\d{2}\.\d{3}Z$/, ':00Z');
    const api = fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/bookings/bk_1': () => jsonResponse(200, session),
      'GET /api/v1/session-types': () => jsonResponse(200, typesAnswer()),
      'GET /api/v1/slots': () => jsonResponse(200, slotsAnswer([start], zone)),
      'POST /api/v1/bookings/bk_1/reschedule': () => jsonResponse(200, { ...session, start, sequence: 1 }),
    });
    renderAt('/sessions/bk_1/reschedule', api.client);
    expect(await screen.findByRole('heading', { name: 'Step 1 of 2: Choose a new time' })).toBeTruthy();
    fireEvent.click(await screen.findByRole('radio'));
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('heading', { name: 'Step 2 of 2: Check and confirm' })).toBeTruthy();
    expect(screen.getByRole('main').textContent).toContain(whenWords(start, zone));
    fireEvent.click(screen.getByRole('button', { name: 'Move my session' }));
    expect(await screen.findByText(/Your session has moved to/)).toBeTruthy();
    expect(location.pathname + location.search).toBe('/sessions/bk_1?moved=1');
    expect(api.sent('POST /api/v1/bookings/bk_1/reschedule')).toEqual([{ start, time_zone: zone }]);
  });
});
