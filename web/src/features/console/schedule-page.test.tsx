import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Schedule } from '../../api/console-scheduling';
import { jsonResponse } from '../../api/fake-fetch';
import { fakeApi, person, problem } from '../../test/fake-api';
import { practitioner, renderConsole } from './render-console';
import { preloadConsolePages } from './routes';

beforeAll(() => preloadConsolePages());

const stored: Schedule = {
  time_zone: 'Europe/London',
  weekly: [
    { weekday: 'mon', start: '13:00', end: '24:00' },
    { weekday: 'mon', start: '09:00', end: '12:00' },
    { weekday: 'wed', start: '10:00', end: '16:00' },
  ],
  overrides: [{ date: '2026-12-24', ranges: [] }],
};

/** The time-zone select, checked to carry its label. */
function zone(): HTMLSelectElement {
  const select = document.getElementById('schedule-time-zone') as HTMLSelectElement;
  expect([...select.labels].map((l) => l.textContent)).toEqual(['Time zone']);
  return select;
}

/** The error summary, once a save has been refused. */
async function summaryBox(): Promise<HTMLElement> {
  await waitFor(() => expect(document.getElementById('schedule-summary')).toBeTruthy());
  return document.getElementById('schedule-summary')!;
}

// The time-zone list has hundreds of options: queries run within one part of the form, which
// keeps them quick on a busy machine.
const week = () => document.getElementById('schedule-weekly')!;
const dates = () => document.getElementById('schedule-overrides')!;
const day = (name: string) => within(week()).getByRole('group', { name });
const saveButton = () => within(document.querySelector<HTMLElement>('.console-save')!).getByRole('button', { name: 'Save your hours' });

function set(element: Element, to: string) {
  fireEvent.input(element, { target: { value: to } });
}

describe('/console/schedule', () => {
  it('shows her week as rows per day, sorted, with midnight as 00:00', async () => {
    const api = fakeApi({
      'GET /api/v1/me': practitioner,
      'GET /api/v1/console/schedule': () => jsonResponse(200, stored),
    });
    renderConsole('/console/schedule', api.client);
    await screen.findByText('Your usual week');
    const monday = day('Monday');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Your hours');
    // Sorted by start; midnight as 00:00, which a time field can hold.
    expect(within(monday).getAllByLabelText(/^From/).map((i) => (i as HTMLInputElement).value)).toEqual(['09:00', '13:00']);
    expect(within(monday).getAllByLabelText(/^To/).map((i) => (i as HTMLInputElement).value)).toEqual(['12:00', '00:00']);
    expect(within(day('Tuesday')).getByText('Not working')).toBeTruthy();
    expect(within(day('Wednesday')).getAllByLabelText(/^From/)).toHaveLength(1);
    const other = within(dates()).getByRole('group', { name: /^On Thursday,? 24 December 2026$/ });
    expect((within(other).getByLabelText('Not working that day') as HTMLInputElement).checked).toBe(true);
    expect(zone().value).toBe('Europe/London');
  });

  it('saves the API’s JSON after edits: weekdays in order, HH:MM, 24:00 and particular dates', async () => {
    const api = fakeApi({
      'GET /api/v1/me': practitioner,
      'GET /api/v1/console/schedule': () => jsonResponse(200, stored),
      'PUT /api/v1/console/schedule': (r) => jsonResponse(200, JSON.parse(r.init.body as string)),
    });
    renderConsole('/console/schedule', api.client);
    await screen.findByText('Your usual week');

    // Tuesday: add hours (filled with a usual day), focus moves to the new start.
    const tuesday = day('Tuesday');
    fireEvent.click(within(tuesday).getByRole('button', { name: 'Add hours on Tuesday' }));
    const tuesdayStart = within(tuesday).getByLabelText(/^From/);
    expect(document.activeElement).toBe(tuesdayStart);
    set(tuesdayStart, '08:30');
    // Wednesday's only range goes.
    const wednesday = day('Wednesday');
    fireEvent.click(within(wednesday).getByRole('button', { name: 'Remove Wednesday' }));
    expect(document.activeElement).toBe(within(wednesday).getByRole('button', { name: 'Add hours on Wednesday' }));

    // A particular date with other hours.
    fireEvent.click(within(dates()).getByRole('button', { name: 'Add a date' }));
    const dateFields = within(dates()).getAllByLabelText(/^Date/);
    expect(document.activeElement).toBe(dateFields[1]);
    set(dateFields[1]!, '2026-12-27');
    const other = within(dates()).getByRole('group', { name: /^On Sunday,? 27 December 2026$/ });
    fireEvent.click(within(other).getByLabelText('Working these hours'));
    set(within(other).getByLabelText(/^From/), '10:00');
    set(within(other).getByLabelText(/^To/), '12:00');
    fireEvent.change(zone(), { target: { value: 'Europe/Dublin' } });

    fireEvent.click(saveButton());
    expect(await screen.findByText(/Your hours are saved/)).toBeTruthy();
    expect(api.sent('PUT /api/v1/console/schedule')).toEqual([
      {
        time_zone: 'Europe/Dublin',
        weekly: [
          { weekday: 'mon', start: '09:00', end: '12:00' },
          { weekday: 'mon', start: '13:00', end: '24:00' },
          { weekday: 'tue', start: '08:30', end: '17:00' },
        ],
        overrides: [
          { date: '2026-12-24', ranges: [] },
          { date: '2026-12-27', ranges: [{ start: '10:00', end: '12:00' }] },
        ],
      },
    ]);
    expect(api.requests.find((r) => r.init.method === 'PUT')!.headers['X-CSRF-Token']).toBe('csrf-test');
  });

  it('puts the server’s sentences beside the right time and date, keeps what she typed, and focuses the summary', async () => {
    const api = fakeApi({
      'GET /api/v1/me': practitioner,
      'GET /api/v1/console/schedule': () => jsonResponse(200, stored),
      'PUT /api/v1/console/schedule': () =>
        problem(400, 'invalid-input', {
          errors: [
            { field: 'weekly[1].end', message: 'must be after its start' },
            { field: 'overrides[0].date', message: 'is already listed' },
            { field: 'time_zone', message: 'is not a known time zone' },
          ],
        }),
    });
    renderConsole('/console/schedule', api.client);
    await screen.findByText('Your usual week');
    const monday = day('Monday');
    const secondEnd = within(monday).getAllByLabelText(/^To/)[1]!;
    set(secondEnd, '11:00');
    fireEvent.click(saveButton());

    const summary = await summaryBox();
    expect(within(summary).getByRole('heading').textContent).toBe('Please check these details');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    // In the order of the form: the zone, then Monday, then the date.
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'The time zone is not a known time zone.',
      'The end of Monday’s second hours must be after its start.',
      'The date of particular date 1 is already listed.',
    ]);
    expect(secondEnd.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(secondEnd.getAttribute('aria-describedby')!)!.textContent).toBe(
      'Error: The end of Monday’s second hours must be after its start.',
    );
    expect((secondEnd as HTMLInputElement).value).toBe('11:00');
    expect((within(dates()).getByLabelText(/^Date/) as HTMLInputElement).value).toBe('2026-12-24');
    fireEvent.click(within(summary).getByRole('link', { name: /Monday’s second hours/ }));
    expect(document.activeElement).toBe(secondEnd);
  });

  it('asks for a time left empty before sending anything', async () => {
    const api = fakeApi({
      'GET /api/v1/me': practitioner,
      'GET /api/v1/console/schedule': () => jsonResponse(200, { time_zone: '', weekly: [], overrides: [] }),
    });
    renderConsole('/console/schedule', api.client);
    expect(await screen.findByText(/Until you save your hours, no one can book/)).toBeTruthy();
    // A schedule never saved starts in her profile's zone.
    expect(zone().value).toBe('Europe/London');
    const friday = day('Friday');
    fireEvent.click(within(friday).getByRole('button', { name: 'Add hours on Friday' }));
    fireEvent.click(within(friday).getByRole('button', { name: 'Add more hours on Friday' }));
    set(within(friday).getAllByLabelText(/^From/)[1]!, '18:00');
    fireEvent.click(saveButton());
    expect(within(await summaryBox()).getByRole('link').textContent).toBe(
      'The end of Friday’s second hours is missing: please choose a time.',
    );
    expect(api.requests.filter((r) => r.init.method === 'PUT')).toHaveLength(0);
  });

  it('says what went wrong when the save fails for no one field, and keeps the form', async () => {
    const api = fakeApi({
      'GET /api/v1/me': practitioner,
      'GET /api/v1/console/schedule': () => jsonResponse(200, stored),
      'PUT /api/v1/console/schedule': () => problem(503, 'unavailable'),
    });
    renderConsole('/console/schedule', api.client);
    await screen.findByText('Your usual week');
    fireEvent.click(saveButton());
    const summary = await summaryBox();
    expect(within(summary).getByRole('heading').textContent).toBe('Your hours were not saved');
    expect(within(summary).getByText(/Something went wrong on our side/)).toBeTruthy();
    expect(within(week()).getAllByLabelText(/^From/)).toHaveLength(3);
  });
});

describe('the console for anyone but the practitioner', () => {
  it('tells a learner kindly that this is the practitioner’s area, and asks nothing of the console API', async () => {
    const api = fakeApi({ 'GET /api/v1/me': () => jsonResponse(200, person()) });
    renderConsole('/console/schedule', api.client);
    expect(await screen.findByRole('heading', { name: 'This is the practitioner’s area' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to your sessions' }).getAttribute('href')).toBe('/sessions');
    expect(api.requests.some((r) => r.url.startsWith('/api/v1/console'))).toBe(false);
  });

  it('offers a signed-out person the way to log in and come back', async () => {
    const api = fakeApi({});
    renderConsole('/console/schedule', api.client);
    const link = await screen.findByRole('link', { name: 'Log in' });
    expect(link.getAttribute('href')).toBe(`/login?next=${encodeURIComponent('/console/schedule')}`);
  });

  it('sends the practitioner who still owes her code to that step', async () => {
    const api = fakeApi({
      'GET /api/v1/me': () =>
        jsonResponse(200, person({ role: 'practitioner', two_factor: { enrolled: true, required: true, passed: false } })),
    });
    renderConsole('/console/schedule', api.client);
    await waitFor(() => expect(location.pathname).toBe('/login/code'));
    expect(location.search).toBe(`?next=${encodeURIComponent('/console/schedule')}`);
  });
});
