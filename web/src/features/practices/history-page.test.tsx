import { act, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../api/fake-fetch';
import { fakeApi, person, problem, type Handler } from '../../test/fake-api';
import { renderAt } from '../../test/render-at';
import { changeWords, minutesWords, weekWords } from './history-words';
import { practiceQueue } from './session-queue';
import { recordedSession, sessionBody, statsReport } from './session-fixtures';

beforeAll(async () => {
  await import('./history-page');
});

beforeEach(() => {
  localStorage.clear();
  practiceQueue.clear();
});

const me: Handler = () => jsonResponse(200, person());

describe('/practices/history', () => {
  it('shows minutes week by week, each practice, and the latest sessions, in the browser’s zone', async () => {
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({
      timeZone: 'America/New_York',
    } as Intl.ResolvedDateTimeFormatOptions);
    const api = fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/practice-stats': () => jsonResponse(200, statsReport({ time_zone: 'America/New_York' })),
      'GET /api/v1/practice-sessions': () =>
        jsonResponse(200, {
          sessions: [
            recordedSession({ started_at: '2026-03-24T18:05:00Z', duration_seconds: 300 }),
            recordedSession({
              practice_id: 'grounding-54321',
              started_at: '2026-03-23T12:00:00Z',
              duration_seconds: 40,
              distress_before: null,
              distress_after: null,
            }),
          ],
          next_before: null,
        }),
    });
    renderAt('/practices/history', api.client);
    const figure = await screen.findByRole('figure');
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['Your practice history']);
    expect(document.title).toBe('Practice history · Secure Base');
    expect(figure.textContent).toContain(
      'Minutes of practice in each of the last 12 weeks, from the week of 5 January on the left to this week on the right. Over these weeks you practised 6 times, 23 minutes in all.',
    );
    // The numbers, for screen readers, as a table.
    const table = within(figure).getByRole('table', { name: 'Practice each week, oldest first' });
    const rows = within(table).getAllByRole('row').map((row) => row.textContent);
    expect(rows).toHaveLength(13);
    expect(rows[4]).toBe('26 January28');
    expect(rows[12]).toBe('23 March315');
    // Three bars for three weeks with practice; the picture is hidden from screen readers.
    expect(figure.querySelectorAll('.week-chart-bar')).toHaveLength(3);
    expect(figure.querySelector('svg')!.closest('[aria-hidden="true"]')).toBeTruthy();

    const box = screen.getByRole('heading', { level: 3, name: 'Box breathing' }).closest('li')!;
    expect(box.textContent).toContain('Practised 4 times, 18 minutes in all.');
    expect(box.textContent).toContain(
      'On average your distress went down by 1.5 points out of 10, across 3 practices you rated before and after.',
    );
    expect(within(box).getByRole('link', { name: 'Practise again: Box breathing' }).getAttribute('href')).toBe(
      '/practices/box-breathing',
    );
    const grounding = screen.getByRole('heading', { level: 3, name: 'Grounding through the five senses' }).closest('li')!;
    expect(grounding.textContent).toContain(
      'How this practice changes your distress will show here after 3 practices rated before and after. So far: 1.',
    );

    const recent = screen.getByRole('heading', { level: 2, name: 'Your recent practices' }).closest('section')!;
    const items = within(recent).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'Box breathingTuesday 24 March at 14:05 · 5 minutes · distress 6, then 3',
      'Grounding through the five sensesMonday 23 March at 08:00 · 40 seconds',
    ]);
    const statsUrl = api.requests.find((r) => r.url.startsWith('/api/v1/practice-stats'))!.url;
    expect(statsUrl).toBe('/api/v1/practice-stats?tz=America%2FNew_York&weeks=12');
    // No streaks, no shaming.
    expect(document.body.textContent).not.toMatch(/streak|missed|behind|only/i);
  });

  it('fetches earlier sessions a page at a time', async () => {
    const api = fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/practice-stats': () => jsonResponse(200, statsReport()),
      'GET /api/v1/practice-sessions': (request) =>
        request.url.includes('before=')
          ? jsonResponse(200, { sessions: [recordedSession({ duration_seconds: 600 })], next_before: null })
          : jsonResponse(200, { sessions: [recordedSession()], next_before: 'cursor-1' }),
    });
    renderAt('/practices/history', api.client);
    fireEvent.click(await screen.findByRole('button', { name: 'Show earlier practices' }));
    await screen.findByText(/10 minutes/);
    expect(screen.queryByRole('button', { name: 'Show earlier practices' })).toBeNull();
    expect(api.requests.map((r) => r.url)).toContain('/api/v1/practice-sessions?before=cursor-1&limit=10');
  });

  it('says kindly when there is nothing yet, with a way to a practice', async () => {
    const empty = statsReport({ practices: [], totals: { sessions: 0, minutes: 0, distress: { n: 0, mean_before: null, mean_after: null } } });
    empty.weeks = empty.weeks.map((week) => ({ ...week, sessions: 0, minutes: 0 }));
    const api = fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/practice-stats': () => jsonResponse(200, empty),
      'GET /api/v1/practice-sessions': () => jsonResponse(200, { sessions: [], next_before: null }),
    });
    renderAt('/practices/history', api.client);
    expect(await screen.findByText(/Nothing here yet./)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Choose a practice' }).getAttribute('href')).toBe('/practices');
    expect(screen.queryByRole('figure')).toBeNull();
  });

  it('signed out: says what the history is and how to have one, without sending anyone away', async () => {
    const api = fakeApi({});
    renderAt('/practices/history', api.client);
    expect(await screen.findByText(/each practice you finish is kept here/)).toBeTruthy();
    const main = screen.getByRole('main');
    expect(within(main).getByRole('link', { name: 'Log in' }).getAttribute('href')).toBe(
      '/login?next=%2Fpractices%2Fhistory',
    );
    expect(window.location.pathname).toBe('/practices/history');
    expect(api.requests.some((r) => r.url.startsWith('/api/v1/practice-stats'))).toBe(false);
  });

  it('mentions practices waiting on this device, and loads again once they arrive', async () => {
    practiceQueue.add(sessionBody(), 'u1');
    let online = false;
    let statsAsked = 0;
    const api = fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/practice-stats': () => {
        statsAsked += 1;
        return jsonResponse(200, statsReport());
      },
      'GET /api/v1/practice-sessions': () => jsonResponse(200, { sessions: [], next_before: null }),
      'POST /api/v1/practice-sessions': () => {
        if (!online) throw new TypeError('Failed to fetch');
        return jsonResponse(201, {});
      },
    });
    renderAt('/practices/history', api.client);
    expect(
      await screen.findByText(
        'One practice you finished is kept on this device and will be added here when Secure Base can be reached.',
      ),
    ).toBeTruthy();
    await screen.findByRole('figure');
    const before = statsAsked;
    online = true;
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await waitFor(() => expect(statsAsked).toBe(before + 1));
    expect(screen.queryByText(/kept on this device/)).toBeNull();
  });

  it('says kindly when the server refused some, and puts the note away on request', async () => {
    practiceQueue.add(sessionBody(), 'u1');
    const api = fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/practice-stats': () => jsonResponse(200, statsReport()),
      'GET /api/v1/practice-sessions': () => jsonResponse(200, { sessions: [], next_before: null }),
      'POST /api/v1/practice-sessions': () => problem(422, 'invalid'),
    });
    renderAt('/practices/history', api.client);
    expect(await screen.findByText(/One practice done on this device couldn’t be added to your history/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'OK' }));
    expect(screen.queryByText(/couldn’t be added/)).toBeNull();
  });

  it('passes on a failure to load, with a way to try again', async () => {
    const api = fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/practice-stats': () => {
        throw new TypeError('Failed to fetch');
      },
      'GET /api/v1/practice-sessions': () => jsonResponse(200, { sessions: [], next_before: null }),
    });
    renderAt('/practices/history', api.client);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('We couldn’t load your practice history just now.');
  });

  it('is linked from the practices page when signed in', async () => {
    const api = fakeApi({ 'GET /api/v1/me': me, 'GET /api/v1/practices': () => jsonResponse(200, { practices: [] }) });
    renderAt('/practices', api.client);
    expect((await screen.findByRole('link', { name: 'Your practice history' })).getAttribute('href')).toBe(
      '/practices/history',
    );
  });
});

describe('the words of the history', () => {
  it('says minutes plainly', () => {
    expect(minutesWords(0.4)).toBe('under a minute');
    expect(minutesWords(1)).toBe('1 minute');
    expect(minutesWords(22.6)).toBe('23 minutes');
    expect(minutesWords(0)).toBe('0 minutes');
  });

  it('names a week by its Monday', () => {
    expect(weekWords('2026-03-02')).toBe('2 March');
    expect(weekWords('nonsense')).toBe('nonsense');
  });

  it('says how distress tended to change, only from three rated practices', () => {
    expect(changeWords(null, 0)).toBe(
      'How this practice changes your distress will show here after 3 practices rated before and after.',
    );
    expect(changeWords(null, 2)).toContain('So far: 2.');
    expect(changeWords(-1, 3)).toBe(
      'On average your distress went down by 1 point out of 10, across 3 practices you rated before and after.',
    );
    expect(changeWords(-2.345, 5)).toContain('went down by 2.3 points');
    expect(changeWords(0.1, 4)).toBe(
      'On average your distress stayed about the same, across 4 practices you rated before and after.',
    );
    expect(changeWords(0.5, 3)).toContain('went up by 0.5 points out of 10');
  });
});
