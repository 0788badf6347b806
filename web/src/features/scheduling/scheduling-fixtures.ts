// Test data for the booking screens, shaped as docs/api/scheduling.md says the server sends it.
// `slot` writes `local` and `practitioner_local` as the server would (the wall time with its
// offset), worked out here with Intl so the examples across clock changes are real ones.
import type { Booking, PracticeTerms, SessionType, SessionTypesAnswer, Slot, SlotsAnswer } from '../../api/scheduling';

/** "2026-03-30T04:00:00-04:00": `instant` as wall time in `zone`, with its offset. */
export function wallTime(instant: string, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const offset = part('timeZoneName').replace('GMT', '') || '+00:00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}${offset}`;
}

export function slot(start: string, zone: string, practitionerZone = 'Europe/London', minutes = 50): Slot {
  const end = new Date(Date.parse(start) + minutes * 60_000).toISOString().replace('.000Z', 'Z');
  return { start, end, local: wallTime(start, zone), practitioner_local: wallTime(start, practitionerZone) };
}

export function slotsAnswer(starts: string[], zone: string, practitionerZone = 'Europe/London'): SlotsAnswer {
  return {
    session_type: 'st_therapy',
    time_zone: zone,
    practitioner_time_zone: practitionerZone,
    slots: starts.map((s) => slot(s, zone, practitionerZone)),
  };
}

export function sessionType(overrides: Partial<SessionType> = {}): SessionType {
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
    intake: [
      { id: 'hopes', question: 'What would you like help with?', required: true },
      { id: 'anything_else', question: 'Is there anything else you would like me to know?', required: false },
    ],
    bookable: true,
    ...overrides,
  };
}

export function practice(overrides: Partial<PracticeTerms> = {}): PracticeTerms {
  return {
    time_zone: 'Europe/London',
    served: { countries: ['GB', 'IE', 'PT'], us_states: ['NY', 'CA'] },
    outside_message: 'I can only offer sessions to people in the UK, Ireland, Portugal, New York and California.',
    cancellation: {
      late_window_hours: 48,
      late_action: 'allow',
      text: 'Sessions cancelled less than 48 hours ahead are charged in full.',
    },
    ...overrides,
  };
}

export function typesAnswer(types: SessionType[] = [sessionType()], terms: Partial<PracticeTerms> = {}): SessionTypesAnswer {
  return { session_types: types, practice: practice(terms), new_client: true };
}

const hour = 3_600_000;

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A booking starting `hoursAhead` hours from now (negative: in the past). */
export function booking(hoursAhead: number, overrides: Partial<Booking> = {}): Booking {
  const start = Math.round((Date.now() + hoursAhead * hour) / 60_000) * 60_000;
  return {
    id: 'bk_1',
    session_type: { id: 'st_therapy', name: 'Therapy session', duration_minutes: 50 },
    start: iso(start),
    end: iso(start + 50 * 60_000),
    time_zone: 'Europe/Lisbon',
    local_start: wallTime(iso(start), 'Europe/Lisbon'),
    status: 'confirmed',
    late_cancel: false,
    video_url: 'https://meet.example.org/sb-4m2k',
    join_opens_at: iso(start - 10 * 60_000),
    can_change: true,
    change_refused_reason: null,
    created_at: iso(Date.now() - 24 * hour),
    cancelled_at: null,
    sequence: 0,
    ...overrides,
  };
}
