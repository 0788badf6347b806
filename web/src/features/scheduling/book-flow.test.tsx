// Booking against a fake server, through the whole app: the steps and their addresses (Back goes
// one step back), the slot picker by day in the chosen zone, where the client will be, the
// questions, the policy, and what happens when the time was just taken or the answer is lost.
// "Now" is 25 March 2026, in the weeks when New York is 4 hours behind London, not 5.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../api/fake-fetch';
import type { RecordedRequest } from '../../api/fake-fetch';
import type { BookingRequest } from '../../api/scheduling';
import { preloadSchedulingPages } from '../../app';
import { fakeApi, person, problem, type Handler } from '../../test/fake-api';
import { renderAt } from '../../test/render-at';
import { booking, sessionType, slotsAnswer, typesAnswer } from './scheduling-fixtures';

beforeAll(() => preloadSchedulingPages());

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-25T12:00:00Z'));
  vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({
    timeZone: 'America/New_York',
  } as Intl.ResolvedDateTimeFormatOptions);
});

afterEach(() => {
  vi.useRealTimers();
});

const starts = ['2026-03-28T14:00:00Z', '2026-03-30T14:00:00Z', '2026-03-30T16:00:00Z', '2026-03-31T09:00:00Z'];

const closedType = sessionType({
  id: 'st_follow_up',
  name: 'Follow-up session',
  description: 'A shorter check-in.',
  duration_minutes: 30,
  price: '£50',
  new_clients: false,
  bookable: false,
});

function tzOf(request: RecordedRequest): string {
  return new URL(request.url, 'http://x').searchParams.get('tz') ?? '';
}

function server(routes: Record<string, Handler> = {}, me = person({ country: 'US', time_zone: 'Europe/Lisbon' })) {
  return fakeApi({
    'GET /api/v1/me': () => jsonResponse(200, me),
    'GET /api/v1/session-types': () => jsonResponse(200, typesAnswer([sessionType(), closedType])),
    'GET /api/v1/slots': (r) => jsonResponse(200, slotsAnswer(starts, tzOf(r))),
    'POST /api/v1/bookings': () => jsonResponse(201, booking(24, { id: 'bk_new' })),
    'GET /api/v1/bookings/bk_new': () => jsonResponse(200, booking(24, { id: 'bk_new' })),
    ...routes,
  });
}

function slotRequests(api: ReturnType<typeof fakeApi>) {
  return api.requests
    .filter((r) => r.url.startsWith('/api/v1/slots'))
    .map((r) => Object.fromEntries(new URL(r.url, 'http://x').searchParams));
}

async function stepHeading(name: string) {
  const heading = await screen.findByRole('heading', { name });
  await waitFor(() => expect(document.activeElement).toBe(heading));
  return heading;
}

function query(): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(location.search));
}

describe('booking a session', () => {
  it('goes step by step to a booked session, times by day in the client’s zone with the therapist’s beside them', async () => {
    const api = server();
    renderAt('/sessions/book', api.client);

    // 1. The kind of session: length, price, description; the one closed to new clients says why.
    await stepHeading('Step 1 of 5: Choose a kind of session');
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['Book a session']);
    const types = screen.getByRole('group', { name: 'Which kind of session would you like?' });
    expect(within(types).getByText('50 minutes · £90')).toBeTruthy();
    expect(within(types).getByText('A 50-minute IFS session by video.')).toBeTruthy();
    expect((within(types).getByRole('radio', { name: 'Follow-up session' }) as HTMLInputElement).disabled).toBe(true);
    expect(within(types).getByText(/for people who have already had a session/)).toBeTruthy();
    // The only bookable one is chosen already.
    expect((within(types).getByRole('radio', { name: 'Therapy session' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));

    // 2. The time, in New York time (this device), London's beside it.
    await stepHeading('Step 2 of 5: Choose a time');
    expect(query()).toEqual({ type: 'st_therapy', tz: 'America/New_York' });
    expect(await screen.findByText('Week of 23 March: 1 free time on 1 day.')).toBeTruthy();
    expect(screen.getByText(/Times are shown in/).textContent).toContain('New York time (this device’s time zone)');
    expect(slotRequests(api)).toEqual([
      { session_type: 'st_therapy', from: '2026-03-25T12:00:00Z', to: '2026-05-25T12:00:00Z', tz: 'America/New_York' },
    ]);
    const saturday = screen.getByRole('button', { name: 'Saturday 28 March: 1 free time' });
    expect(saturday.getAttribute('aria-pressed')).toBe('true');
    expect((screen.getByRole('button', { name: 'Sunday 29 March: nothing free' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('group', { name: 'Times on Saturday 28 March' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: '10:00 your time (14:00 in London)' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /Later week/ }));
    expect(screen.getByText('Week of 30 March: 3 free times on 2 days.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Monday 30 March: 2 free times' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Tuesday 31 March: 1 free time' }));
    expect(screen.getByRole('radio', { name: '05:00 your time (10:00 in London)' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Monday 30 March: 2 free times' }));
    fireEvent.click(screen.getByRole('radio', { name: '10:00 your time (15:00 in London)' }));
    expect(query().at).toBe('2026-03-30T14:00:00Z');
    expect(screen.getByText('You’ve chosen Monday 30 March 2026 at 10:00.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));

    // 3. Where they'll be: the US, so a state too.
    await stepHeading('Step 3 of 5: Where you’ll be');
    expect((screen.getByLabelText('Country you’ll be in') as HTMLSelectElement).value).toBe('US');
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('Choose the state you’ll be in during the session.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('State you’ll be in'), { target: { value: 'NY' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));

    // 4. The questions: required marked, counted, checked before moving on.
    await stepHeading('Step 4 of 5: A few questions');
    const hopes = screen.getByLabelText('What would you like help with? (required)');
    expect(screen.getByLabelText('Is there anything else you would like me to know? (optional)')).toBeTruthy();
    expect(screen.getAllByText('0 of 2,000 characters')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    const summary = await screen.findByRole('heading', { name: 'A little more is needed' });
    expect(summary.closest('.form-summary')?.textContent).toContain('Please answer “What would you like help with?”');
    fireEvent.input(hopes, { target: { value: 'Feeling calmer when my partner is away.' } });
    expect(screen.getByText('39 of 2,000 characters')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));

    // 5. Check and confirm: the policy must be accepted.
    await stepHeading('Step 5 of 5: Check and confirm');
    const main = screen.getByRole('main');
    expect(main.textContent).toContain('Monday 30 March 2026 at 10:00 (New York time)');
    expect(main.textContent).toContain('That’s 15:00 in London for your therapist.');
    expect(main.textContent).toContain('New York, United States');
    expect(main.textContent).toContain('Feeling calmer when my partner is away.');
    expect(main.textContent).toContain('Not answered');
    expect(main.textContent).toContain('Sessions cancelled less than 48 hours ahead are charged in full.');
    fireEvent.click(screen.getByRole('button', { name: 'Confirm booking' }));
    expect(await screen.findByText('Please read the cancellation policy, then tick the box to accept it.')).toBeTruthy();
    expect(api.sent('POST /api/v1/bookings')).toEqual([]);
    fireEvent.click(screen.getByLabelText('I’ve read the cancellation policy and I accept it'));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm booking' }));

    // Booked: the session's page says so, with the calendar invitation.
    expect(await screen.findByRole('heading', { level: 1, name: 'You’re booked' })).toBeTruthy();
    expect(location.pathname).toBe('/sessions/bk_new');
    expect(await screen.findByText(/open it to add the session to your calendar/)).toBeTruthy();
    const sent = api.sent('POST /api/v1/bookings') as BookingRequest[];
    expect(sent).toEqual([
      {
        session_type: 'st_therapy',
        start: '2026-03-30T14:00:00Z',
        time_zone: 'America/New_York',
        client_location: { country: 'US', region: 'NY' },
        intake: { hopes: 'Feeling calmer when my partner is away.' },
        policy_accepted: true,
      },
    ]);
    const post = api.requests.find((r) => r.init.method === 'POST')!;
    expect(post.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('makes each step a history entry, so Back goes one step back and keeps what was chosen', async () => {
    const api = server({}, person({ country: 'PT' }));
    renderAt('/sessions/book?type=st_therapy&tz=Europe%2FLondon', api.client);
    await stepHeading('Step 2 of 5: Choose a time');
    fireEvent.click(await screen.findByRole('radio', { name: '14:00' }));
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await stepHeading('Step 3 of 5: Where you’ll be');
    expect(query().step).toBe('where');
    history.back();
    await stepHeading('Step 2 of 5: Choose a time');
    expect((await screen.findByRole('radio', { name: '14:00' }) as HTMLInputElement).checked).toBe(true);
  });

  it('sends a step whose earlier steps are not done to the first that is not', async () => {
    const api = server();
    renderAt('/sessions/book?type=st_therapy&tz=Europe%2FLondon&step=review', api.client);
    await stepHeading('Step 2 of 5: Choose a time');
    expect(query()).toEqual({ type: 'st_therapy', tz: 'Europe/London' });
  });

  it('switches the zone to the profile’s, asking the server for times in it', async () => {
    const api = server();
    renderAt('/sessions/book?type=st_therapy', api.client);
    await screen.findByText('Week of 23 March: 1 free time on 1 day.');
    const change = screen.getByRole('button', { name: 'Change time zone' });
    expect(change.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(change);
    expect(change.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByLabelText('Show times in')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Use Lisbon time (your profile)' }));
    await waitFor(() => expect(query().tz).toBe('Europe/Lisbon'));
    await screen.findByRole('radio', { name: '14:00' });
    expect(slotRequests(api).map((q) => q.tz)).toEqual(['America/New_York', 'Europe/Lisbon']);
    expect(screen.getByText(/Times are shown in/).textContent).toContain('Lisbon time (the time zone in your profile)');
  });

  it('says in one live region that it is looking, then what the week shown holds', async () => {
    let release: () => void = () => {};
    const api = server({
      'GET /api/v1/slots': (r) =>
        new Promise<Response>((resolve) => {
          release = () => resolve(jsonResponse(200, slotsAnswer(starts, tzOf(r))));
        }),
    });
    renderAt('/sessions/book?type=st_therapy', api.client);
    const live = await screen.findByText('Looking for free times…');
    expect(live.getAttribute('role')).toBe('status');
    await waitFor(() => expect(slotRequests(api)).toHaveLength(1));
    release();
    await waitFor(() => expect(live.textContent).toBe('Week of 23 March: 1 free time on 1 day.'));
    expect(live.isConnected).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: /Later week/ }));
    await waitFor(() => expect(live.textContent).toBe('Week of 30 March: 3 free times on 2 days.'));
  });

  it('tells someone outside the places served, kindly, with her message and the way to help', async () => {
    const api = server({}, person({ country: 'FR' }));
    renderAt('/sessions/book?type=st_therapy&tz=Europe%2FLondon&at=2026-03-30T14%3A00%3A00Z&step=where', api.client);
    await stepHeading('Step 3 of 5: Where you’ll be');
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    const heading = await screen.findByRole('heading', { name: 'Your therapist can’t offer sessions there' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const panel = heading.closest('.sched-outside')!;
    expect(panel.textContent).toContain('I can only offer sessions to people in the UK, Ireland, Portugal');
    expect(within(panel as HTMLElement).getByRole('button', { name: 'Need support now? See who you can call or text where you are' })).toBeTruthy();
    expect(within(panel as HTMLElement).getByRole('link', { name: 'Back to your sessions' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Continue' })).toBeNull();
    // Somewhere served: on again.
    fireEvent.change(screen.getByLabelText('Country you’ll be in'), { target: { value: 'IE' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await stepHeading('Step 4 of 5: A few questions');
  });

  it('offers the waiting list when nothing is free', async () => {
    const api = server({
      'GET /api/v1/slots': (r) => jsonResponse(200, slotsAnswer([], tzOf(r))),
      'POST /api/v1/waitlist': () => jsonResponse(201, { id: 'wl_1', session_type: 'st_therapy', joined_at: '2026-03-25T12:00:00Z' }),
    });
    renderAt('/sessions/book?type=st_therapy', api.client);
    expect(await screen.findByText('There are no free times for therapy session in the next 60 days.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Join the waiting list' }));
    expect(await screen.findByRole('heading', { name: 'You’re on the waiting list' })).toBeTruthy();
    expect(api.sent('POST /api/v1/waitlist')).toEqual([{ session_type: 'st_therapy' }]);
  });
});

/** Walks a Lisbon client to the review step with their answer typed, and accepts the policy. */
async function toReview(api: ReturnType<typeof fakeApi>) {
  renderAt('/sessions/book?type=st_therapy&tz=Europe%2FLondon&at=2026-03-30T14%3A00%3A00Z&step=where', api.client);
  await stepHeading('Step 3 of 5: Where you’ll be');
  fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
  await stepHeading('Step 4 of 5: A few questions');
  fireEvent.input(screen.getByLabelText('What would you like help with? (required)'), {
    target: { value: 'Feeling calmer when my partner is away.' },
  });
  fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
  await stepHeading('Step 5 of 5: Check and confirm');
  fireEvent.click(screen.getByLabelText('I’ve read the cancellation policy and I accept it'));
}

describe('confirming a booking', () => {
  it('tells a taken slot kindly, shows the times still free that day and the next, and keeps every answer', async () => {
    let posts = 0;
    const api = server(
      {
        // Once taken, the slot is no longer free.
        'GET /api/v1/slots': (r) => jsonResponse(200, slotsAnswer(posts > 0 ? starts.filter((s) => s !== starts[1]) : starts, tzOf(r))),
        'POST /api/v1/bookings': () => {
          posts += 1;
          return posts === 1
            ? problem(409, 'slot-taken', { slots: slotsAnswer(starts.slice(2), 'Europe/London').slots })
            : jsonResponse(201, booking(24, { id: 'bk_new' }));
        },
      },
      person({ country: 'PT' }),
    );
    await toReview(api);
    fireEvent.click(screen.getByRole('button', { name: 'Confirm booking' }));

    const heading = await screen.findByRole('heading', { name: 'That time has just been taken' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const panel = heading.closest('.sched-taken') as HTMLElement;
    expect(panel.textContent).toContain('Someone else booked 15:00 on Monday 30 March a moment before you.');
    expect(panel.textContent).toContain('Everything you chose and wrote is still here');
    // That day and the next only (28 March is neither).
    const fresh = await within(panel).findAllByRole('radio');
    expect(fresh.map((r) => r.closest('label')?.textContent)).toEqual(['17:00', '10:00']);
    expect(within(panel).getByText('Monday 30 March')).toBeTruthy();
    expect(within(panel).getByText('Tuesday 31 March')).toBeTruthy();

    fireEvent.click(within(panel).getByRole('radio', { name: '10:00' }));
    expect(await screen.findByText('You’ve chosen 10:00 instead. Confirm when you’re ready.')).toBeTruthy();
    expect(query().at).toBe('2026-03-31T09:00:00Z');
    // Nothing typed was lost: the answer is on the review and on its step.
    expect(screen.getByRole('main').textContent).toContain('Feeling calmer when my partner is away.');
    expect((screen.getByLabelText('I’ve read the cancellation policy and I accept it') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await screen.findByRole('heading', { level: 1, name: 'You’re booked' });

    const sent = api.sent('POST /api/v1/bookings') as BookingRequest[];
    expect(sent.map((b) => b.start)).toEqual(['2026-03-30T14:00:00Z', '2026-03-31T09:00:00Z']);
    expect(sent.map((b) => b.intake)).toEqual([
      { hopes: 'Feeling calmer when my partner is away.' },
      { hopes: 'Feeling calmer when my partner is away.' },
    ]);
    // Another request, another key.
    const keys = api.requests.filter((r) => r.init.method === 'POST').map((r) => r.headers['Idempotency-Key']);
    expect(new Set(keys).size).toBe(2);
  });

  it('after a taken slot, the way back to the questions finds the answer still there', async () => {
    const api = server({ 'POST /api/v1/bookings': () => problem(409, 'slot-taken', { slots: [] }) }, person({ country: 'PT' }));
    await toReview(api);
    fireEvent.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await screen.findByRole('heading', { name: 'That time has just been taken' });
    fireEvent.click(screen.getByRole('link', { name: 'Change your answers' }));
    await stepHeading('Step 4 of 5: A few questions');
    expect((screen.getByLabelText('What would you like help with? (required)') as HTMLTextAreaElement).value).toBe(
      'Feeling calmer when my partner is away.',
    );
  });

  it('sends the same Idempotency-Key again when a confirmation got no answer', async () => {
    let posts = 0;
    const api = server(
      {
        'POST /api/v1/bookings': () => {
          posts += 1;
          if (posts === 1) throw new TypeError('Failed to fetch');
          return jsonResponse(200, booking(24, { id: 'bk_new' }));
        },
      },
      person({ country: 'PT' }),
    );
    await toReview(api);
    fireEvent.click(screen.getByRole('button', { name: 'Confirm booking' }));
    const title = await screen.findByRole('heading', { name: 'We couldn’t reach Secure Base' });
    expect(title.closest('.form-summary')?.textContent).toContain('you won’t be booked twice');
    fireEvent.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await screen.findByRole('heading', { level: 1, name: 'You’re booked' });
    const keys = api.requests.filter((r) => r.init.method === 'POST').map((r) => r.headers['Idempotency-Key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it('says where the server refused a field, with a way to that step', async () => {
    const api = server(
      {
        'POST /api/v1/bookings': () =>
          problem(400, 'invalid-input', { errors: [{ field: 'intake.hopes', message: 'Please answer this question.' }] }),
      },
      person({ country: 'PT' }),
    );
    await toReview(api);
    fireEvent.click(screen.getByRole('button', { name: 'Confirm booking' }));
    const title = await screen.findByRole('heading', { name: 'Something needs another look' });
    const box = title.closest('.form-summary') as HTMLElement;
    await waitFor(() => expect(document.activeElement).toBe(box));
    expect(box.textContent).toContain('Please answer this question.');
    expect(within(box).getByRole('link', { name: 'Change your answers' }).getAttribute('href')).toContain('step=questions');
  });
});
