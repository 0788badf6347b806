import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { BookingSettings } from '../../api/console-scheduling';
import { jsonResponse } from '../../api/fake-fetch';
import { fakeApi, noContent, problem, type Handler } from '../../test/fake-api';
import { practitioner, renderConsole } from './render-console';
import { preloadConsolePages } from './routes';

beforeAll(() => preloadConsolePages());

const defaults: BookingSettings = {
  served: { countries: [], us_states: [] },
  outside_message: '',
  video: { mode: 'none' },
  cancellation: { late_window_hours: 48, late_action: 'allow', text: '' },
};

const saved: BookingSettings = {
  served: { countries: ['GB', 'IE'], us_states: ['NY'] },
  outside_message: 'I can see people in the UK, Ireland and New York.',
  video: { mode: 'jitsi', url: 'https://meet.example.org/' },
  cancellation: { late_window_hours: 24, late_action: 'refuse', text: 'Late cancels are charged in full.' },
};

const noFeed: Handler = () => jsonResponse(200, { active: false, created_at: null });

function type(label: string | RegExp, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

function group(name: string) {
  return screen.getByRole('group', { name });
}

describe('/console/booking-settings', () => {
  it('serves the US state by state: it is not among the countries, and the PUT carries countries and states apart', async () => {
    const api = fakeApi({
      'GET /api/v1/me': practitioner,
      'GET /api/v1/console/booking-settings': () => jsonResponse(200, defaults),
      'GET /api/v1/console/calendar-feed': noFeed,
      'PUT /api/v1/console/booking-settings': (r) => jsonResponse(200, JSON.parse(r.init.body as string)),
    });
    renderConsole('/console/booking-settings', api.client);
    const countries = await screen.findByRole('group', { name: 'Countries' });
    expect(screen.getByText('No places are chosen yet, so no one can book a session.')).toBeTruthy();
    fireEvent.input(within(countries).getByLabelText('Find a country'), { target: { value: 'united' } });
    const matches = within(countries).getAllByRole('checkbox').map((c) => c.closest('label')!.textContent);
    expect(matches).toContain('United Kingdom');
    expect(matches.some((name) => /United States/.test(name ?? ''))).toBe(false);
    expect(within(countries).getByText(/countries match\./)).toBeTruthy();
    fireEvent.click(within(countries).getByLabelText('United Kingdom'));
    fireEvent.input(within(countries).getByLabelText('Find a country'), { target: { value: 'irel' } });
    fireEvent.click(within(countries).getByLabelText('Ireland'));
    // Chosen ones show first and can be taken off.
    expect(within(countries).getByRole('button', { name: 'Take off Ireland' })).toBeTruthy();

    const states = group('US states');
    fireEvent.input(within(states).getByLabelText('Find a state'), { target: { value: 'new' } });
    expect(within(states).getAllByRole('checkbox')).toHaveLength(4);
    fireEvent.click(within(states).getByLabelText('New York'));
    fireEvent.input(within(states).getByLabelText('Find a state'), { target: { value: 'ca' } });
    fireEvent.click(within(states).getByLabelText('California'));
    expect(screen.queryByText(/No places are chosen yet/)).toBeNull();

    type('Message for people elsewhere', 'I can only see people in the UK, Ireland, New York and California.');
    fireEvent.click(screen.getByLabelText('The same link for every session'));
    type('Your video link', ' https://video.example.org/room ');
    type('A change is late within this many hours of the start', '24');
    fireEvent.click(screen.getByLabelText('Don’t let them online: they are asked to write to you'));
    type('Your cancellation policy, in your words', 'Sessions cancelled less than a day ahead are charged.');
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('Your settings are saved.')).toBeTruthy();
    expect(api.sent('PUT /api/v1/console/booking-settings')).toEqual([
      {
        served: { countries: ['IE', 'GB'], us_states: ['CA', 'NY'] },
        outside_message: 'I can only see people in the UK, Ireland, New York and California.',
        video: { mode: 'fixed', url: 'https://video.example.org/room' },
        cancellation: { late_window_hours: 24, late_action: 'refuse', text: 'Sessions cancelled less than a day ahead are charged.' },
      },
    ]);
  });

  it('shows what she saved before, sends no link for “no link”, and places the server’s sentences', async () => {
    const api = fakeApi({
      'GET /api/v1/me': practitioner,
      'GET /api/v1/console/booking-settings': () => jsonResponse(200, saved),
      'GET /api/v1/console/calendar-feed': noFeed,
      'PUT /api/v1/console/booking-settings': () =>
        problem(400, 'invalid-input', {
          errors: [
            { field: 'served.us_states[0]', message: 'is not a US state' },
            { field: 'cancellation.text', message: 'must be at most 2000 characters' },
          ],
        }),
    });
    renderConsole('/console/booking-settings', api.client);
    const countries = await screen.findByRole('group', { name: 'Countries' });
    expect(within(countries).getByRole('button', { name: 'Take off United Kingdom' })).toBeTruthy();
    expect((screen.getByLabelText('Your Jitsi Meet server') as HTMLInputElement).value).toBe('https://meet.example.org/');
    expect((screen.getByLabelText('Don’t let them online: they are asked to write to you') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByLabelText('No link: I’ll send one myself'));
    expect(screen.queryByLabelText('Your Jitsi Meet server')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    const summary = (await screen.findByRole('heading', { name: 'Please check these details' })).closest('.form-summary') as HTMLElement;
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Your list of US states is not a US state.',
      'Your cancellation policy must be at most 2000 characters.',
    ]);
    expect(screen.getByLabelText('Your cancellation policy, in your words').getAttribute('aria-invalid')).toBe('true');
    const [sent] = api.sent('PUT /api/v1/console/booking-settings') as BookingSettings[];
    expect(sent!.video).toEqual({ mode: 'none' });
    // The address she had is still there if she goes back to it.
    fireEvent.click(screen.getByLabelText('A room of its own for each session, on a Jitsi Meet server'));
    expect((screen.getByLabelText('Your Jitsi Meet server') as HTMLInputElement).value).toBe('https://meet.example.org/');
  });

  it('makes a private calendar link, shows it once with a copy button and a warning, and turns it off after asking', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    const api = fakeApi({
      'GET /api/v1/me': practitioner,
      'GET /api/v1/console/booking-settings': () => jsonResponse(200, saved),
      'GET /api/v1/console/calendar-feed': noFeed,
      'POST /api/v1/console/calendar-feed': () => jsonResponse(201, { url: 'https://sb.example/calendar/s3cret.ics' }),
      'DELETE /api/v1/console/calendar-feed': noContent,
    });
    renderConsole('/console/booking-settings', api.client);
    fireEvent.click(await screen.findByRole('button', { name: 'Make a calendar link' }));
    const heading = await screen.findByRole('heading', { name: 'Your new calendar link' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect((screen.getByLabelText('Calendar link') as HTMLInputElement).value).toBe('https://sb.example/calendar/s3cret.ics');
    expect(screen.getByText(/Anyone who has it can see when your sessions are/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Copy the link' }));
    expect(await screen.findByText(/^Copied\./)).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith('https://sb.example/calendar/s3cret.ics');

    fireEvent.click(screen.getByRole('button', { name: 'Turn off the link' }));
    expect(api.requests.some((r) => r.init.method === 'DELETE')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, turn it off' }));
    const note = await screen.findByText(/The calendar link is turned off/);
    await waitFor(() => expect(document.activeElement).toBe(note));
    expect(screen.queryByLabelText('Calendar link')).toBeNull();
    expect(screen.getByRole('button', { name: 'Make a calendar link' })).toBeTruthy();
    expect(api.requests.filter((r) => r.url === '/api/v1/console/calendar-feed').map((r) => r.init.method)).toEqual([
      'GET',
      'POST',
      'DELETE',
    ]);
  });

  it('asks before replacing a link she has, which stops the old one', async () => {
    const api = fakeApi({
      'GET /api/v1/me': practitioner,
      'GET /api/v1/console/booking-settings': () => jsonResponse(200, saved),
      'GET /api/v1/console/calendar-feed': () => jsonResponse(200, { active: true, created_at: '2026-03-03T10:00:00Z' }),
      'POST /api/v1/console/calendar-feed': () => jsonResponse(201, { url: 'https://sb.example/calendar/n3w.ics' }),
    });
    renderConsole('/console/booking-settings', api.client);
    expect(await screen.findByText(/You have a private calendar link, made on 3 March 2026/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Make a new link' }));
    expect(screen.getByText(/The link you have now stops working at once/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, make a new link' }));
    expect(((await screen.findByLabelText('Calendar link')) as HTMLInputElement).value).toBe('https://sb.example/calendar/n3w.ics');
    expect(screen.queryByRole('button', { name: 'Yes, make a new link' })).toBeNull();
  });
});
