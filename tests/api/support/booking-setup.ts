// For API test files that need a client with a session booked, on a server of their own: her
// hours every day round the clock, clients in the UK and Spain, one kind of session bookable an
// hour ahead; and a learner booking one of its free times from Madrid.
import type { ApiClient } from '../../../web/src/api/client';
import * as consoleApi from '../../../web/src/api/console-scheduling';
import { createBooking, listSlots, newBookingKey, type Booking } from '../../../web/src/api/scheduling';
import type { Learner } from './learner';

/** Opens her practice for booking; returns the session type's id. */
export async function openForBooking(her: ApiClient): Promise<string> {
  const weekly = (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((weekday) => ({
    weekday,
    start: '00:00',
    end: '24:00',
  }));
  await consoleApi.saveSchedule({ time_zone: 'Europe/London', weekly, overrides: [] }, her);
  await consoleApi.saveBookingSettings(
    {
      served: { countries: ['GB', 'ES'], us_states: [] },
      outside_message: 'I can only offer sessions to people in the UK and Spain.',
      video: { mode: 'jitsi', url: 'https://meet.example.org' },
      cancellation: { late_window_hours: 24, late_action: 'refuse', text: 'Cancel a day ahead.' },
    },
    her,
  );
  const type = await consoleApi.createSessionType(
    {
      name: 'Therapy session',
      description: '',
      duration_minutes: 50,
      buffer_before_minutes: 0,
      buffer_after_minutes: 10,
      minimum_notice_minutes: 60,
      horizon_days: 30,
      slot_step_minutes: 30,
      price: '',
      new_clients: true,
      active: true,
      intake: [],
    },
    her,
  );
  return type.id;
}

/** The learner books the `nth` free time of the coming week (from three hours ahead). */
export async function bookFreeSlot(learner: Learner, typeId: string, nth = 0): Promise<Booking> {
  const from = new Date(Date.now() + 3 * 3600_000);
  const { slots } = await listSlots(
    {
      session_type: typeId,
      from: from.toISOString(),
      to: new Date(from.getTime() + 7 * 86_400_000).toISOString(),
      tz: 'Europe/Madrid',
    },
    learner.browser.client,
  );
  return createBooking(
    {
      session_type: typeId,
      start: slots[nth]!.start,
      time_zone: 'Europe/Madrid',
      client_location: { country: 'ES', region: '' },
      intake: {},
      policy_accepted: true,
    },
    newBookingKey(),
    learner.browser.client,
  );
}
