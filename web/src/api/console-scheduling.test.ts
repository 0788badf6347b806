// @vitest-environment node
// Like the API black-box tests: no browser globals needed to import and call the module.
import { describe, expect, it } from 'vitest';
import { createClient } from './client';
import {
  archiveSessionType,
  cancelBooking,
  clientName,
  createCalendarFeed,
  createSessionType,
  getBookingSettings,
  getBookingIntake,
  getCalendarFeed,
  getSchedule,
  intakeAnswers,
  listBookings,
  listSessionTypes,
  listWaitlist,
  recordAttendance,
  revokeCalendarFeed,
  saveBookingSettings,
  saveSchedule,
  updateSessionType,
  type BookingSettings,
  type Schedule,
  type SessionTypeInput,
} from './console-scheduling';
import { fakeFetch, jsonResponse } from './fake-fetch';
import { ApiError } from './problem';

const schedule: Schedule = {
  time_zone: 'Europe/London',
  weekly: [
    { weekday: 'mon', start: '09:00', end: '12:00' },
    { weekday: 'mon', start: '13:00', end: '24:00' },
  ],
  overrides: [
    { date: '2026-12-24', ranges: [] },
    { date: '2026-12-27', ranges: [{ start: '10:00', end: '12:00' }] },
  ],
};

const settings: BookingSettings = {
  served: { countries: ['GB', 'IE'], us_states: ['NY'] },
  outside_message: 'I can only see people in the UK, Ireland and New York.',
  video: { mode: 'jitsi', url: 'https://meet.example.org/' },
  cancellation: { late_window_hours: 48, late_action: 'refuse', text: 'Late cancels are charged.' },
};

const typeInput: SessionTypeInput = {
  name: 'Therapy session',
  description: '',
  duration_minutes: 50,
  buffer_before_minutes: 0,
  buffer_after_minutes: 10,
  minimum_notice_minutes: 1440,
  horizon_days: 60,
  slot_step_minutes: 30,
  price: '£90',
  new_clients: true,
  active: true,
  intake: [{ id: 'hopes', question: 'What would you like help with?', required: true }],
};

const noContent = () => new Response(null, { status: 204 });

function calls(requests: { url: string; init: RequestInit }[]) {
  return requests.map((r) => [r.init.method, r.url, typeof r.init.body === 'string' ? JSON.parse(r.init.body) : undefined]);
}

describe('console scheduling client', () => {
  it('reads and replaces the schedule and the booking settings, with the CSRF token on writes', async () => {
    const { fetch, requests } = fakeFetch((r) =>
      jsonResponse(200, r.url.endsWith('/schedule') ? schedule : settings),
    );
    const client = createClient({ fetch, csrfToken: () => 'csrf-1' });
    await expect(getSchedule(client)).resolves.toEqual(schedule);
    await expect(saveSchedule(schedule, client)).resolves.toEqual(schedule);
    await expect(getBookingSettings(client)).resolves.toEqual(settings);
    await saveBookingSettings(settings, client);
    expect(calls(requests)).toEqual([
      ['GET', '/api/v1/console/schedule', undefined],
      ['PUT', '/api/v1/console/schedule', schedule],
      ['GET', '/api/v1/console/booking-settings', undefined],
      ['PUT', '/api/v1/console/booking-settings', settings],
    ]);
    expect(requests[1]?.headers['X-CSRF-Token']).toBe('csrf-1');
    expect(requests[0]?.headers['X-CSRF-Token']).toBeUndefined();
  });

  it('lists, adds, replaces and archives session types, escaping ids', async () => {
    const { fetch, requests } = fakeFetch((r) => {
      if (r.init.method === 'DELETE') return noContent();
      if (r.init.method === 'POST') return jsonResponse(201, { id: 'st_1', ...typeInput });
      if (r.init.method === 'PUT') return jsonResponse(200, { id: 'st_1', ...typeInput });
      return jsonResponse(200, { session_types: [] });
    });
    const client = createClient({ fetch });
    await expect(listSessionTypes(client)).resolves.toEqual({ session_types: [] });
    await expect(createSessionType(typeInput, client)).resolves.toMatchObject({ id: 'st_1' });
    await updateSessionType('st/1', typeInput, client);
    await expect(archiveSessionType('st_1', client)).resolves.toBeUndefined();
    expect(calls(requests)).toEqual([
      ['GET', '/api/v1/console/session-types', undefined],
      ['POST', '/api/v1/console/session-types', typeInput],
      ['PUT', '/api/v1/console/session-types/st%2F1', typeInput],
      ['DELETE', '/api/v1/console/session-types/st_1', undefined],
    ]);
  });

  it('lists bookings in a range, cancels one and records attendance', async () => {
    const { fetch, requests } = fakeFetch((r) =>
      r.init.method === 'GET' ? jsonResponse(200, { bookings: [] }) : jsonResponse(200, { id: 'bk_1', status: 'attended' }),
    );
    const client = createClient({ fetch });
    await listBookings({}, client);
    await listBookings({ from: '2026-03-01T00:00:00Z', to: '2026-03-31T00:00:00Z', status: 'confirmed' }, client);
    await getBookingIntake('bk_1/x', client);
    await cancelBooking('bk_1', client);
    await recordAttendance('bk_1', 'no_show', client);
    expect(calls(requests)).toEqual([
      ['GET', '/api/v1/console/bookings', undefined],
      ['GET', '/api/v1/console/bookings?from=2026-03-01T00%3A00%3A00Z&to=2026-03-31T00%3A00%3A00Z&status=confirmed', undefined],
      ['GET', '/api/v1/console/bookings/bk_1%2Fx/intake', undefined],
      ['POST', '/api/v1/console/bookings/bk_1/cancel', {}],
      ['POST', '/api/v1/console/bookings/bk_1/attendance', { outcome: 'no_show' }],
    ]);
  });

  it('reads the waitlist and makes, reads and revokes the calendar feed', async () => {
    const { fetch, requests } = fakeFetch((r) => {
      if (r.url.endsWith('/waitlist')) return jsonResponse(200, { entries: [] });
      if (r.init.method === 'POST') return jsonResponse(201, { url: 'https://x.example/calendar/s3cret.ics' });
      if (r.init.method === 'DELETE') return noContent();
      return jsonResponse(200, { active: false, created_at: null });
    });
    const client = createClient({ fetch });
    await expect(listWaitlist(client)).resolves.toEqual({ entries: [] });
    await expect(getCalendarFeed(client)).resolves.toEqual({ active: false, created_at: null });
    await expect(createCalendarFeed(client)).resolves.toEqual({ url: 'https://x.example/calendar/s3cret.ics' });
    await expect(revokeCalendarFeed(client)).resolves.toBeUndefined();
    expect(calls(requests).map(([method, url]) => `${method} ${url}`)).toEqual([
      'GET /api/v1/console/waitlist',
      'GET /api/v1/console/calendar-feed',
      'POST /api/v1/console/calendar-feed',
      'DELETE /api/v1/console/calendar-feed',
    ]);
  });

  it('passes field errors from a refused save on as an ApiError', async () => {
    const { fetch } = fakeFetch(() =>
      jsonResponse(
        400,
        { type: 'urn:securebase:problem:invalid-input', title: 'Invalid', status: 400, errors: [{ field: 'weekly[1].end', message: 'must be after start' }] },
        'application/problem+json',
      ),
    );
    const error = await saveSchedule(schedule, createClient({ fetch })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).fieldError('weekly[1].end')).toBe('must be after start');
  });

  it('reads the client’s name and intake answers in either shape', () => {
    expect(clientName({ client: { display_name: 'Sam' } })).toBe('Sam');
    expect(clientName({ client_name: 'Jo' })).toBe('Jo');
    expect(clientName({ client: { display_name: ' ' } })).toBeUndefined();
    expect(clientName({})).toBeUndefined();
    // The account was deleted: the session stays on her records without anyone's name.
    expect(clientName({ client: null, former_client: true })).toBe('a former client');

    const questions = [
      { id: 'hopes', question: 'What would you like help with?', required: true },
      { id: 'before', question: 'Have you had therapy before?', required: false },
    ];
    expect(intakeAnswers({ intake: { before: 'No', hopes: 'Calmer evenings', extra: '' } }, questions)).toEqual([
      { id: 'hopes', question: 'What would you like help with?', answer: 'Calmer evenings' },
      { id: 'before', question: 'Have you had therapy before?', answer: 'No' },
    ]);
    expect(intakeAnswers({ intake: [{ id: 'gone', question: 'An older question', answer: 'Yes' }] }, questions)).toEqual([
      { id: 'gone', question: 'An older question', answer: 'Yes' },
    ]);
    expect(intakeAnswers({ intake: { gone: 'Yes' } })).toEqual([{ id: 'gone', question: 'gone', answer: 'Yes' }]);
    expect(intakeAnswers({ intake: null })).toEqual([]);
  });
});
