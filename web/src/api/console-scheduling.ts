// The practitioner's side of booking (issue #9): her hours, where she serves, the kinds of
// session she offers, the sessions booked with her, the waitlist and her private calendar feed.
// docs/api/scheduling.md is the contract; these types follow it field for field.
//
//   GET    /api/v1/console/schedule               → Schedule
//   PUT    /api/v1/console/schedule Schedule      → Schedule; 400 with errors
//          ("time_zone", "weekly[2].end", "overrides[0].ranges[1].start", "overrides[3].date")
//   GET    /api/v1/console/booking-settings       → BookingSettings
//   PUT    /api/v1/console/booking-settings       → BookingSettings; 400 with errors
//   GET    /api/v1/console/session-types          → {session_types}, archived ones too
//   POST   /api/v1/console/session-types          → 201 SessionType; 400 with errors
//   PUT    /api/v1/console/session-types/{id}     → SessionType; 400 with errors; 404
//   DELETE /api/v1/console/session-types/{id}     → 204 (archived; booked sessions keep it)
//   GET    /api/v1/console/bookings?from=&to=&status= → {bookings} (default: from now on), each
//          saying whether it has intake answers (has_intake), without them
//   GET    /api/v1/console/bookings/{id}/intake   → {booking, intake}: one booking's answers,
//          on the audit log ("intake.read") before they are sent; 404 for a former client's
//   POST   /api/v1/console/bookings/{id}/cancel {}    → the booking, cancelled
//   POST   /api/v1/console/bookings/{id}/attendance {outcome} → the booking; only once begun
//   GET    /api/v1/console/waitlist               → {entries}, in the order they joined
//   GET    /api/v1/console/calendar-feed          → {active, created_at}
//   POST   /api/v1/console/calendar-feed          → 201 {url}: a new secret; the old URL stops
//   DELETE /api/v1/console/calendar-feed          → 204: no feed any more
//
// Every route: 401 without a session, 403 `forbidden` for anyone but the practitioner after her
// two-factor step. Stateless functions; safe to call from anywhere (node too, for tests/api).
import type { ApiClient, RequestOptions } from './client';
import { defaultClient } from './default-client';

type Options = Pick<RequestOptions, 'signal'>;

const base = '/api/v1/console';
const enc = encodeURIComponent;

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

/** Local wall-clock hours, "HH:MM"; `end` after `start`, "24:00" allowed as an end. */
export interface TimeRange {
  start: string;
  end: string;
}

export interface WeeklyRange extends TimeRange {
  weekday: Weekday;
}

export interface DateOverride {
  /** A local date, YYYY-MM-DD. */
  date: string;
  /** Replaces that date's weekly hours; [] is a day off. */
  ranges: TimeRange[];
}

export interface Schedule {
  /** IANA zone; "" (or missing) until she first saves one. */
  time_zone: string;
  weekly: WeeklyRange[];
  overrides: DateOverride[];
}

export type VideoMode = 'none' | 'fixed' | 'jitsi';
export type LateAction = 'refuse' | 'allow';

export interface BookingSettings {
  served: {
    /** ISO 3166-1 alpha-2, never "US". */
    countries: string[];
    /** USPS codes, "NY". */
    us_states: string[];
  };
  /** Shown to people she cannot see, where they are. */
  outside_message: string;
  /** `url` (https://) for fixed and jitsi; may be left out for none. */
  video: { mode: VideoMode; url?: string };
  cancellation: { late_window_hours: number; late_action: LateAction; text: string };
}

export interface IntakeQuestion {
  /** [a-z0-9_]{1,40}, unique within its type; answers are keyed by it. */
  id: string;
  question: string;
  required: boolean;
}

export interface SessionTypeInput {
  name: string;
  description: string;
  duration_minutes: number;
  buffer_before_minutes: number;
  buffer_after_minutes: number;
  minimum_notice_minutes: number;
  horizon_days: number;
  slot_step_minutes: number;
  price: string;
  /** false: only clients who have attended a session may book it. */
  new_clients: boolean;
  /** false: archived, no longer offered. */
  active: boolean;
  intake: IntakeQuestion[];
}

export interface SessionType extends SessionTypeInput {
  id: string;
}

/** docs/api/scheduling.md, "Limits". */
export const sessionTypeLimits = {
  name: 80,
  description: 1000,
  duration: { min: 5, max: 480 },
  buffer: { min: 0, max: 240 },
  notice: { min: 0, max: 43_200 },
  horizon: { min: 1, max: 365 },
  step: { min: 5, max: 240 },
  price: 40,
  intakeQuestions: 10,
  intakeId: 40,
  question: 300,
} as const;

export const bookingStatuses = ['confirmed', 'cancelled', 'attended', 'no_show'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

export type AttendanceOutcome = 'attended' | 'no_show';

/** One intake answer as the console sends it, with the question's words; null: not answered. */
export interface IntakeAnswer {
  id: string;
  question?: string;
  answer: string | null;
}

/**
 * A session as the practitioner sees it in GET /console/bookings: the client's booking
 * (docs/api/scheduling.md, "A booking") with who booked it, where they said they were, and
 * whether there are intake answers to open (`has_intake`). The answers themselves come one
 * booking at a time from getBookingIntake, a read that is on the audit log; `intake` is present
 * only where answers were opened (the client's own download), as a list naming each question (a
 * map from question id to answer, as a client sends them, is read too: intakeAnswers below).
 * Cancel and attendance answer the plain booking, without client, location or intake.
 */
export interface ConsoleBooking {
  id: string;
  session_type: { id: string; name: string; duration_minutes: number };
  start: string;
  end: string;
  /** The client's zone. */
  time_zone: string;
  local_start?: string;
  status: BookingStatus;
  late_cancel: boolean;
  video_url?: string | null;
  join_opens_at?: string | null;
  created_at: string;
  cancelled_at: string | null;
  sequence?: number;
  can_change?: boolean;
  change_refused_reason?: string | null;
  client?: { id?: string; display_name?: string; email?: string } | null;
  client_name?: string | null;
  /** The client deleted their account: the session is kept for her records without them. */
  former_client?: boolean;
  client_location?: { country: string; region?: string | null } | null;
  /** There are answers to the type's questions to open (the client is still here). */
  has_intake?: boolean;
  intake?: Record<string, string> | IntakeAnswer[] | null;
}

/** One booking's intake answers, opened for her (GET /console/bookings/{id}/intake). */
export interface BookingIntake {
  booking: string;
  intake: IntakeAnswer[];
}

export interface BookingFilters {
  /** RFC 3339 instants; `from` defaults to now. */
  from?: string;
  to?: string;
  status?: BookingStatus;
}

export interface WaitlistEntry {
  id: string;
  /** The session type's id, or the type itself. */
  session_type: string | { id: string; name: string };
  joined_at: string;
  /** When they were last mailed that a time had opened up; null: not yet. */
  notified_at?: string | null;
  client?: { id?: string; display_name?: string; email?: string } | null;
  client_name?: string | null;
}

export interface CalendarFeedState {
  active: boolean;
  created_at?: string | null;
}

// --- The schedule ---

export function getSchedule(client: ApiClient = defaultClient(), options: Options = {}) {
  return client.get<Schedule>(`${base}/schedule`, options);
}

export function saveSchedule(schedule: Schedule, client: ApiClient = defaultClient(), options: Options = {}) {
  return client.put<Schedule>(`${base}/schedule`, schedule, options);
}

// --- Booking settings ---

export function getBookingSettings(client: ApiClient = defaultClient(), options: Options = {}) {
  return client.get<BookingSettings>(`${base}/booking-settings`, options);
}

export function saveBookingSettings(
  settings: BookingSettings,
  client: ApiClient = defaultClient(),
  options: Options = {},
) {
  return client.put<BookingSettings>(`${base}/booking-settings`, settings, options);
}

// --- Session types ---

export function listSessionTypes(client: ApiClient = defaultClient(), options: Options = {}) {
  return client.get<{ session_types: SessionType[] }>(`${base}/session-types`, options);
}

/** Adds a session type (201); the answer carries its new id. */
export function createSessionType(
  input: SessionTypeInput,
  client: ApiClient = defaultClient(),
  options: Options = {},
) {
  return client.post<SessionType>(`${base}/session-types`, input, options);
}

export function updateSessionType(
  id: string,
  input: SessionTypeInput,
  client: ApiClient = defaultClient(),
  options: Options = {},
) {
  return client.put<SessionType>(`${base}/session-types/${enc(id)}`, input, options);
}

/** Archives it (204): no longer offered; sessions already booked keep it. */
export async function archiveSessionType(id: string, client: ApiClient = defaultClient(), options: Options = {}) {
  await client.delete<void>(`${base}/session-types/${enc(id)}`, options);
}

// --- Bookings ---

export function listBookings(filters: BookingFilters = {}, client: ApiClient = defaultClient(), options: Options = {}) {
  return client.get<{ bookings: ConsoleBooking[] }>(`${base}/bookings`, {
    ...options,
    query: { from: filters.from, to: filters.to, status: filters.status },
  });
}

/**
 * Opens one booking's intake answers. The server writes the audit row first (the client sees the
 * look among "who has looked"), and sends nothing if it cannot.
 */
export function getBookingIntake(id: string, client: ApiClient = defaultClient(), options: Options = {}) {
  return client.get<BookingIntake>(`${base}/bookings/${enc(id)}/intake`, options);
}

/** Cancels a session; no policy applies to her. Both people are mailed. */
export function cancelBooking(id: string, client: ApiClient = defaultClient(), options: Options = {}) {
  return client.post<ConsoleBooking>(`${base}/bookings/${enc(id)}/cancel`, {}, options);
}

/** Records whether the client came, once the session has begun. */
export function recordAttendance(
  id: string,
  outcome: AttendanceOutcome,
  client: ApiClient = defaultClient(),
  options: Options = {},
) {
  return client.post<ConsoleBooking>(`${base}/bookings/${enc(id)}/attendance`, { outcome }, options);
}

// --- Waitlist ---

export function listWaitlist(client: ApiClient = defaultClient(), options: Options = {}) {
  return client.get<{ entries: WaitlistEntry[] }>(`${base}/waitlist`, options);
}

// --- The private calendar feed ---

export function getCalendarFeed(client: ApiClient = defaultClient(), options: Options = {}) {
  return client.get<CalendarFeedState>(`${base}/calendar-feed`, options);
}

/** A new secret feed URL (shown once); any older URL stops working. */
export function createCalendarFeed(client: ApiClient = defaultClient(), options: Options = {}) {
  return client.post<{ url: string }>(`${base}/calendar-feed`, undefined, options);
}

export async function revokeCalendarFeed(client: ApiClient = defaultClient(), options: Options = {}) {
  await client.delete<void>(`${base}/calendar-feed`, options);
}

// --- Reading a booking ---

/** The client's name, if the server gave one; "a former client" once they deleted their account. */
export function clientName(
  booking: Pick<ConsoleBooking, 'client' | 'client_name'> & { former_client?: boolean },
): string | undefined {
  if (booking.former_client) return 'a former client';
  const name = booking.client?.display_name ?? booking.client_name ?? undefined;
  return name && name.trim() !== '' ? name : undefined;
}

/**
 * The intake answers in the type's question order, with each question's words: from the
 * booking when it names them, else from `questions` (the type as it is now), else the id.
 */
export function intakeAnswers(
  booking: Pick<ConsoleBooking, 'intake'>,
  questions: readonly IntakeQuestion[] = [],
): { id: string; question: string; answer: string }[] {
  const intake = booking.intake;
  if (!intake) return [];
  const asked = new Map(questions.map((q, index) => [q.id, { q, index }]));
  const answers: IntakeAnswer[] = Array.isArray(intake)
    ? intake
    : Object.entries(intake).map(([id, answer]) => ({ id, answer }));
  const order = (id: string) => asked.get(id)?.index ?? Number.MAX_SAFE_INTEGER;
  return answers
    .filter((a) => typeof a.answer === 'string' && a.answer.trim() !== '')
    .map((a) => ({ id: a.id, question: a.question ?? asked.get(a.id)?.q.question ?? a.id, answer: a.answer as string }))
    .sort((a, b) => (Array.isArray(intake) ? 0 : order(a.id) - order(b.id)));
}
