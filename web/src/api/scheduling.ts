// Booking sessions with the practitioner, the client's side (issue #9). docs/api/scheduling.md
// is the contract; these types follow it field for field. (The practitioner's routes are in
// console-scheduling.ts.)
//
//   GET    /api/v1/session-types → SessionTypesAnswer: the active types, and what a client must
//          know before booking (her zone, where she serves, her cancellation policy)
//   GET    /api/v1/slots?session_type=&from=&to=&tz= → SlotsAnswer; 404 unknown type, 400 each
//          refused parameter named
//   POST   /api/v1/bookings (Idempotency-Key) BookingRequest → 201 Booking (200: the same key
//          answered again); 409 `slot-taken` with fresh `slots`; 403 `outside-jurisdiction`
//          (detail: her outside_message), 403 `existing-clients-only`; 400 `invalid-input`
//          naming each field ("intake.hopes", "start"); 422 `idempotency-key-reused`
//   GET    /api/v1/bookings → BookingList, upcoming first
//   GET    /api/v1/bookings/{id} → Booking; 404
//   POST   /api/v1/bookings/{id}/cancel {} → Booking; 409 `late-change-refused`, `not-changeable`
//   POST   /api/v1/bookings/{id}/reschedule {start, time_zone} → Booking (same id, sequence
//          raised); as booking (`slot-taken` …) and as cancelling (the policy)
//   GET    /api/v1/waitlist → WaitlistList
//   POST   /api/v1/waitlist {session_type} → 201 WaitlistEntry; 409 `slots-available`,
//          `already-waiting`
//   DELETE /api/v1/waitlist/{id} → 204
//
// Every route answers 401 without a session. Stateless functions; safe to call from anywhere.
import type { ApiClient, RequestOptions } from './client';
import { newIdempotencyKey } from './checkins';
import { defaultClient } from './default-client';
import { ApiError, problemType } from './problem';

type Options = Pick<RequestOptions, 'signal'>;

const base = '/api/v1';
const enc = encodeURIComponent;

export interface IntakeQuestion {
  /** `[a-z0-9_]{1,40}`, unique within the type: the key of its answer. */
  id: string;
  /** 1–300 characters. */
  question: string;
  required: boolean;
}

/** A session type as a client sees it. */
export interface SessionType {
  id: string;
  name: string;
  /** Up to 1,000 characters; may be empty. */
  description: string;
  duration_minutes: number;
  buffer_before_minutes: number;
  buffer_after_minutes: number;
  minimum_notice_minutes: number;
  /** How many days ahead it may be booked. */
  horizon_days: number;
  slot_step_minutes: number;
  /** Her own words, e.g. "£90"; may be empty. */
  price: string;
  /** false: only clients who have attended a session may book it. */
  new_clients: boolean;
  /** At most 10. */
  intake: IntakeQuestion[];
  /** false when the type is closed to new clients and this client is new. */
  bookable: boolean;
}

export interface Served {
  /** ISO 3166-1 alpha-2, never "US". */
  countries: string[];
  /** USPS codes ("NY"): people in the US are served state by state. */
  us_states: string[];
}

export type LateAction = 'allow' | 'refuse';

export interface CancellationPolicy {
  late_window_hours: number;
  /** Inside the window a client's change is refused online, or allowed and marked late. */
  late_action: LateAction;
  /** Shown before booking; must be accepted. */
  text: string;
}

/** What a client must know before booking. */
export interface PracticeTerms {
  /** The practitioner's IANA zone. */
  time_zone: string;
  served: Served;
  /** Her words for people somewhere she does not serve. */
  outside_message: string;
  cancellation: CancellationPolicy;
}

export interface SessionTypesAnswer {
  session_types: SessionType[];
  practice: PracticeTerms;
  /** This client has not yet had a session. */
  new_client: boolean;
}

/** One free start time. */
export interface Slot {
  /** RFC 3339 UTC. */
  start: string;
  end: string;
  /** The start in the requested zone, with its offset ("2026-03-30T04:00:00-04:00"). */
  local: string;
  /** The start in the practitioner's zone, with its offset. */
  practitioner_local: string;
}

export interface SlotsAnswer {
  session_type: string;
  /** The zone `local` is written in (the `tz` asked for). */
  time_zone: string;
  practitioner_time_zone: string;
  slots: Slot[];
}

export interface SlotQuery {
  session_type: string;
  /** RFC 3339 instants; `from` < `to`, at most 93 days apart. */
  from: string;
  to: string;
  /** IANA zone for `local`. */
  tz: string;
}

/** The longest range GET /slots answers, in days. */
export const maxSlotRangeDays = 93;

/** Where the client will be during the session. */
export interface ClientLocation {
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** The USPS code of the state, in the US only. */
  region?: string;
}

/** Longest intake answer the server keeps, in characters. */
export const intakeAnswerLimit = 2000;

export interface BookingRequest {
  session_type: string;
  /** A slot's `start`. */
  start: string;
  /** The client's zone, for their mail. */
  time_zone: string;
  client_location: ClientLocation;
  /** Answers by question id. */
  intake: Record<string, string>;
  policy_accepted: boolean;
}

export const bookingStatuses = ['confirmed', 'cancelled', 'attended', 'no_show'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

export interface Booking {
  id: string;
  session_type: { id: string; name: string; duration_minutes: number };
  /** RFC 3339 UTC. */
  start: string;
  end: string;
  /** The zone the client booked in. */
  time_zone: string;
  /** The start in `time_zone`, with its offset. */
  local_start: string;
  status: BookingStatus;
  /** Cancelled inside the late window, where late cancels are allowed. */
  late_cancel: boolean;
  /** null (or empty) when the practitioner gives no link online. */
  video_url: string | null;
  /** From when the Join button works (RFC 3339 UTC). */
  join_opens_at: string;
  /** The client may still cancel or reschedule online. */
  can_change: boolean;
  change_refused_reason: string | null;
  created_at: string;
  cancelled_at: string | null;
  /** Raised on every change. */
  sequence: number;
}

export interface BookingList {
  /** Upcoming first. */
  bookings: Booking[];
}

export interface RescheduleRequest {
  start: string;
  time_zone: string;
}

export interface WaitlistEntry {
  id: string;
  /** The session type's id. */
  session_type: string;
  joined_at: string;
}

export interface WaitlistList {
  entries: WaitlistEntry[];
}

/** Problem types a screen tells apart. */
export const slotTakenType = problemType('slot-taken');
export const outsideJurisdictionType = problemType('outside-jurisdiction');
export const existingClientsOnlyType = problemType('existing-clients-only');
export const lateChangeRefusedType = problemType('late-change-refused');
export const notChangeableType = problemType('not-changeable');
export const slotsAvailableType = problemType('slots-available');
export const alreadyWaitingType = problemType('already-waiting');
export const idempotencyKeyReusedType = problemType('idempotency-key-reused');

/** A fresh key for one booking attempt: sent again, unchanged, when that attempt is retried. */
export function newBookingKey(): string {
  // crypto.randomUUID exists only in secure contexts; the checkins helper works everywhere.
  return typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : newIdempotencyKey();
}

export function listSessionTypes(client: ApiClient = defaultClient(), options: Options = {}) {
  return client.get<SessionTypesAnswer>(`${base}/session-types`, options);
}

export function listSlots(query: SlotQuery, client: ApiClient = defaultClient(), options: Options = {}) {
  return client.get<SlotsAnswer>(`${base}/slots`, { ...options, query: { ...query } });
}

/**
 * Books a slot. `idempotencyKey` is the attempt's key (newBookingKey): the same key with the
 * same request answers the first booking again rather than booking twice.
 */
export function createBooking(
  request: BookingRequest,
  idempotencyKey: string,
  client: ApiClient = defaultClient(),
  options: Options = {},
) {
  return client.post<Booking>(`${base}/bookings`, request, { ...options, headers: { 'Idempotency-Key': idempotencyKey } });
}

export function listBookings(client: ApiClient = defaultClient(), options: Options = {}) {
  return client.get<BookingList>(`${base}/bookings`, options);
}

export function getBooking(id: string, client: ApiClient = defaultClient(), options: Options = {}) {
  return client.get<Booking>(`${base}/bookings/${enc(id)}`, options);
}

export function cancelBooking(id: string, client: ApiClient = defaultClient(), options: Options = {}) {
  return client.post<Booking>(`${base}/bookings/${enc(id)}/cancel`, {}, options);
}

export function rescheduleBooking(
  id: string,
  request: RescheduleRequest,
  client: ApiClient = defaultClient(),
  options: Options = {},
) {
  return client.post<Booking>(`${base}/bookings/${enc(id)}/reschedule`, request, options);
}

export function listWaitlist(client: ApiClient = defaultClient(), options: Options = {}) {
  return client.get<WaitlistList>(`${base}/waitlist`, options);
}

export function joinWaitlist(sessionType: string, client: ApiClient = defaultClient(), options: Options = {}) {
  return client.post<WaitlistEntry>(`${base}/waitlist`, { session_type: sessionType }, options);
}

export async function leaveWaitlist(id: string, client: ApiClient = defaultClient(), options: Options = {}) {
  await client.delete<void>(`${base}/waitlist/${enc(id)}`, options);
}

/**
 * The fresh slots a `slot-taken` problem carries (that day and the next, in the zone asked
 * for); undefined for any other error, or when the problem came without them.
 */
export function takenSlots(error: unknown): Slot[] | undefined {
  if (!(error instanceof ApiError) || error.type !== slotTakenType) return undefined;
  // An extension member of the problem (RFC 9457 §3.2): read wherever problem.ts keeps it.
  const problem = error.problem as unknown as { slots?: unknown; extensions?: { slots?: unknown } };
  const slots = problem.slots ?? problem.extensions?.slots;
  return Array.isArray(slots) ? slots.filter(isSlot) : undefined;
}

function isSlot(value: unknown): value is Slot {
  if (typeof value !== 'object' || value === null) return false;
  const slot = value as Record<string, unknown>;
  return typeof slot.start === 'string' && typeof slot.end === 'string' && typeof slot.local === 'string';
}
