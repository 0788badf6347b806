// Answers of a fake console API for the console's unit tests.
import type { ConsoleBooking, SessionType } from '../../api/console-scheduling';

export function therapyType(overrides: Partial<SessionType> = {}): SessionType {
  return {
    id: 'st_therapy',
    name: 'Therapy session',
    description: 'A 50-minute IFS session by video.',
    duration_minutes: 50,
    buffer_before_minutes: 0,
    buffer_after_minutes: 10,
    minimum_notice_minutes: 1440,
    horizon_days: 60,
    slot_step_minutes: 30,
    price: '£90',
    new_clients: true,
    active: true,
    intake: [
      { id: 'hopes', question: 'What would you like help with?', required: true },
      { id: 'before', question: 'Have you had therapy before?', required: false },
    ],
    ...overrides,
  };
}

export function booking(overrides: Partial<ConsoleBooking> = {}): ConsoleBooking {
  return {
    id: 'bk_1',
    session_type: { id: 'st_therapy', name: 'Therapy session', duration_minutes: 50 },
    start: '2026-03-30T08:00:00Z',
    end: '2026-03-30T08:50:00Z',
    time_zone: 'America/New_York',
    local_start: '2026-03-30T04:00:00-04:00',
    status: 'confirmed',
    late_cancel: false,
    video_url: 'https://meet.example.org/sb-4m2k',
    join_opens_at: '2026-03-30T07:50:00Z',
    created_at: '2026-03-01T10:00:00Z',
    cancelled_at: null,
    sequence: 0,
    client: { id: 'u7', display_name: 'Sam' },
    has_intake: true,
    ...overrides,
  };
}
