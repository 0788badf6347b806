import { fireEvent, waitFor, within } from '@testing-library/preact';
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

// The page lists every country and state as a checkbox: queries run within one part of the form,
// which keeps them quick on a busy machine.
function part(titleId: string): HTMLElement {
  return document.getElementById(titleId)!.closest('section')!;
}
const where = () => part('settings-where-title');
const video = () => part('settings-video-title');
const cancelling = () => part('settings-cancel-title');
const feed = () => part('feed-title');

function type(within_: HTMLElement, label: string, value: string) {
  fireEvent.input(within(within_).getByLabelText(label), { target: { value } });
}

/** A picker's search box, checked to carry its label. */
function search(picker: HTMLElement, label: string): HTMLInputElement {
  const box = picker.querySelector<HTMLInputElement>('input[type=search]')!;
  expect([...box.labels!].map((l) => l.textContent)).toEqual([label]);
  return box;
}

/** The chosen places, above the search. */
function chosen(picker: HTMLElement): HTMLElement {
  return picker.querySelector<HTMLElement>('.console-chosen')!;
}

function saveButton(): HTMLElement {
  return document.querySelector<HTMLElement>('.console-save button[type=submit]')!;
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
    await waitFor(() => expect(document.getElementById('settings-countries')).toBeTruthy());
    const countries = document.getElementById('settings-countries')!;
    expect(countries.querySelector('legend')!.textContent).toBe('Countries');
    expect(within(where()).getByText('No places are chosen yet, so no one can book a session.')).toBeTruthy();
    fireEvent.input(search(countries, 'Find a country'), { target: { value: 'united' } });
    const matches = [...countries.querySelectorAll('input[type=checkbox]')].map((c) => c.closest('label')!.textContent);
    expect(matches).toContain('United Kingdom');
    expect(matches.some((name) => /United States/.test(name ?? ''))).toBe(false);
    expect(within(countries).getByText(/countries match\./)).toBeTruthy();
    fireEvent.click(within(countries).getByLabelText('United Kingdom'));
    fireEvent.input(search(countries, 'Find a country'), { target: { value: 'irel' } });
    fireEvent.click(within(countries).getByLabelText('Ireland'));
    // Chosen ones show first and can be taken off.
    expect(within(chosen(countries)).getByRole('button', { name: 'Take off Ireland' })).toBeTruthy();

    const states = document.getElementById('settings-us-states')!;
    expect(states.querySelector('legend')!.textContent).toBe('US states');
    fireEvent.input(search(states, 'Find a state'), { target: { value: 'new' } });
    expect(states.querySelectorAll('input[type=checkbox]')).toHaveLength(4);
    fireEvent.click(within(states).getByLabelText('New York'));
    fireEvent.input(search(states, 'Find a state'), { target: { value: 'ca' } });
    fireEvent.click(within(states).getByLabelText('California'));
    expect(within(where()).queryByText(/No places are chosen yet/)).toBeNull();

    type(where(), 'Message for people elsewhere', 'I can only see people in the UK, Ireland, New York and California.');
    fireEvent.click(within(video()).getByLabelText('The same link for every session'));
    type(video(), 'Your video link', ' https://video.example.org/room ');
    type(cancelling(), 'A change is late within this many hours of the start', '24');
    fireEvent.click(within(cancelling()).getByLabelText('Don’t let them online: they are asked to write to you'));
    type(cancelling(), 'Your cancellation policy, in your words', 'Sessions cancelled less than a day ahead are charged.');
    expect(saveButton().textContent).toBe('Save settings');
    fireEvent.click(saveButton());

    await waitFor(() => expect(document.querySelector('.console-save [role=status]')!.textContent).toBe('Your settings are saved.'));
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
    await waitFor(() => expect(document.getElementById('settings-countries')).toBeTruthy());
    expect(within(chosen(document.getElementById('settings-countries')!)).getByRole('button', { name: 'Take off United Kingdom' })).toBeTruthy();
    expect((within(video()).getByLabelText('Your Jitsi Meet server') as HTMLInputElement).value).toBe('https://meet.example.org/');
    expect(
      (within(cancelling()).getByLabelText('Don’t let them online: they are asked to write to you') as HTMLInputElement).checked,
    ).toBe(true);
    fireEvent.click(within(video()).getByLabelText('No link: I’ll send one myself'));
    expect(within(video()).queryByLabelText('Your Jitsi Meet server')).toBeNull();
    fireEvent.click(saveButton());

    await waitFor(() => expect(document.getElementById('settings-summary')).toBeTruthy());
    const summary = document.getElementById('settings-summary')!;
    expect(within(summary).getByRole('heading').textContent).toBe('Please check these details');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Your list of US states is not a US state.',
      'Your cancellation policy must be at most 2000 characters.',
    ]);
    expect(within(cancelling()).getByLabelText('Your cancellation policy, in your words').getAttribute('aria-invalid')).toBe('true');
    const [sent] = api.sent('PUT /api/v1/console/booking-settings') as BookingSettings[];
    expect(sent!.video).toEqual({ mode: 'none' });
    // The address she had is still there if she goes back to it.
    fireEvent.click(within(video()).getByLabelText('A room of its own for each session, on a Jitsi Meet server'));
    expect((within(video()).getByLabelText('Your Jitsi Meet server') as HTMLInputElement).value).toBe('https://meet.example.org/');
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
    await waitFor(() => expect(within(feed()).getByRole('button', { name: 'Make a calendar link' })).toBeTruthy());
    fireEvent.click(within(feed()).getByRole('button', { name: 'Make a calendar link' }));
    const heading = await within(feed()).findByRole('heading', { name: 'Your new calendar link' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect((within(feed()).getByLabelText('Calendar link') as HTMLInputElement).value).toBe('https://sb.example/calendar/s3cret.ics');
    expect(within(feed()).getByText(/Anyone who has it can see when your sessions are/)).toBeTruthy();
    fireEvent.click(within(feed()).getByRole('button', { name: 'Copy the link' }));
    expect(await within(feed()).findByText(/^Copied\./)).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith('https://sb.example/calendar/s3cret.ics');

    fireEvent.click(within(feed()).getByRole('button', { name: 'Turn off the link' }));
    expect(api.requests.some((r) => r.init.method === 'DELETE')).toBe(false);
    fireEvent.click(within(feed()).getByRole('button', { name: 'Yes, turn it off' }));
    const note = await within(feed()).findByText(/The calendar link is turned off/);
    await waitFor(() => expect(document.activeElement).toBe(note));
    expect(within(feed()).queryByLabelText('Calendar link')).toBeNull();
    expect(within(feed()).getByRole('button', { name: 'Make a calendar link' })).toBeTruthy();
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
    await waitFor(() => expect(within(feed()).getByText(/You have a private calendar link, made on 3 March 2026/)).toBeTruthy());
    fireEvent.click(within(feed()).getByRole('button', { name: 'Make a new link' }));
    expect(within(feed()).getByText(/The link you have now stops working at once/)).toBeTruthy();
    fireEvent.click(within(feed()).getByRole('button', { name: 'Yes, make a new link' }));
    expect(((await within(feed()).findByLabelText('Calendar link')) as HTMLInputElement).value).toBe('https://sb.example/calendar/n3w.ics');
    expect(within(feed()).queryByRole('button', { name: 'Yes, make a new link' })).toBeNull();
  });
});
