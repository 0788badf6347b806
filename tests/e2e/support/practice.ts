// One practice to book with, set up through the console API as the practitioner's own pages
// would: her weekly hours in London, where she serves and her terms, and one session type. A spec
// names only what its journey needs (hours that cross a clock change, places in three countries,
// a question to answer); the rest is this one calm default, so no spec writes the setup out.
import type { APIRequestContext } from '@playwright/test';
import { weekdays, type BookingSettings, type SessionTypeInput, type Weekday } from '../../../web/src/api/console-scheduling';
import { therapyType } from '../../../web/src/features/console/console-fixtures';
import { apiPost, apiPut } from './accounts';
import { expect } from './fixtures';

export interface PracticeSetup {
  /** The days she works. Default: every day. */
  days?: readonly Weekday[];
  /** Her hours on each of them, in London. Default: all day, so a client can book the next time. */
  hours?: { start: string; end: string };
  /** Her booking settings, over the default (the UK only, no video link, cancel a day ahead). */
  settings?: Partial<BookingSettings>;
  /**
   * The one session type, over the console's own example (50 minutes with 10 after, bookable
   * an hour ahead for two weeks, no questions).
   */
  type?: Partial<SessionTypeInput>;
}

const defaultSettings: BookingSettings = {
  served: { countries: ['GB'], us_states: [] },
  outside_message: 'I can see people in the UK.',
  video: { mode: 'none' },
  cancellation: { late_window_hours: 24, late_action: 'allow', text: 'Please cancel a day ahead.' },
};

/** Sets up her practice as `her` (signed in, code given); returns the session type's id. */
export async function setUpPractice(her: APIRequestContext, setup: PracticeSetup = {}): Promise<{ typeId: string }> {
  const hours = setup.hours ?? { start: '00:00', end: '24:00' };
  const weekly = (setup.days ?? weekdays).map((weekday) => ({ weekday, ...hours }));
  const schedule = await apiPut(her, '/api/v1/console/schedule', { time_zone: 'Europe/London', weekly, overrides: [] });
  expect(schedule.status(), await schedule.text()).toBe(200);

  const settings = await apiPut(her, '/api/v1/console/booking-settings', { ...defaultSettings, ...setup.settings });
  expect(settings.status(), await settings.text()).toBe(200);

  const { id: _example, ...example } = therapyType({ intake: [], minimum_notice_minutes: 60, horizon_days: 14 });
  const type = await apiPost(her, '/api/v1/console/session-types', { ...example, ...setup.type });
  expect(type.status(), await type.text()).toBe(201);
  return { typeId: ((await type.json()) as { id: string }).id };
}
