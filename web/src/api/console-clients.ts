// The practitioner's clients and the audit log (issue #10). docs/api/sharing.md is the contract;
// these types follow it field for field.
//
//   GET /api/v1/console/clients        → {clients: ClientSummary[]}, by name; no shared data, so
//                                        reading it writes no audit row
//   GET /api/v1/console/clients/{id}   → ClientDetail; 404 `not-found` unless that person booked
//                                        with her or shares with her. Every read writes an audit
//                                        row (`shared.read`) first; 503 and no data if it cannot
//   GET /api/v1/console/audit?actor=&subject=&action=&from=&to=&before=&limit=
//                                      → AuditPage, newest first; 400 with field errors for a bad filter
//
// Every route: 401 without a session, 403 for anyone but the practitioner after two-factor.
// Stateless functions; safe to call from anywhere (node too, for tests/api).
import type { ApiClient, RequestOptions } from './client';
import type { Checkin } from './checkins';
import type { ConsoleBooking } from './console-scheduling';
import type { CourseSummary } from './course';
import type { Entry } from './journal';
import type { PracticeStatsReport } from './practice-sessions';
import { defaultClient } from './default-client';

type Options = Pick<RequestOptions, 'signal'>;

const base = '/api/v1/console';
const enc = encodeURIComponent;

export interface ClientPerson {
  id: string;
  name: string;
  email: string;
  /** IANA zone from their profile. */
  time_zone: string;
}

export interface ClientSummary extends ClientPerson {
  /** What they share with her now; journal entries as a count. */
  shares: { checkins: boolean; practice: boolean; course: boolean; journal_entries: number };
  sessions: { upcoming: number; past: number; next_start: string | null };
}

export interface SharedData {
  /** null: not shared. Newest first, as GET /api/v1/checkins gives them to the learner. */
  checkins: { checkins: Checkin[] } | null;
  practice: PracticeStatsReport | null;
  course: { courses: CourseSummary[] } | null;
  /** Empty when none are shared. */
  journal_entries: Entry[];
}

export interface ClientDetail {
  client: ClientPerson;
  shared: SharedData;
  /** When they last changed what they share; null when they never shared anything. */
  shared_since: string | null;
  /** Every session they booked with her, newest first. */
  sessions: ConsoleBooking[];
}

export interface AuditPerson {
  id: string;
  /** null: the person has since been deleted. */
  name: string | null;
}

export interface AuditEntry {
  id: string;
  /** RFC 3339 UTC. */
  at: string;
  action: string;
  actor: AuditPerson | null;
  subject: AuditPerson | null;
  /** Kinds, counts and file paths only: never personal text. */
  detail: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `before` for the next (older) page; null on the last. */
  next: string | null;
  /** Every action name the log can hold, for a filter menu. */
  actions: string[];
}

export interface AuditFilters {
  actor?: string;
  subject?: string;
  action?: string;
  /** RFC 3339 instants; `from` not after `to`. */
  from?: string;
  to?: string;
  /** The previous page's `next`. */
  before?: string;
  /** 1–200 (default 50). */
  limit?: number;
}

export function listClients(client: ApiClient = defaultClient(), options: Options = {}) {
  return client.get<{ clients: ClientSummary[] }>(`${base}/clients`, options);
}

/** One client, with what they share now: this read is recorded in the audit log. */
export function getClient(id: string, client: ApiClient = defaultClient(), options: Options = {}) {
  return client.get<ClientDetail>(`${base}/clients/${enc(id)}`, options);
}

/** One page of the audit log; empty filters are left out of the query. */
export function getAudit(filters: AuditFilters = {}, client: ApiClient = defaultClient(), options: Options = {}) {
  const query: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(filters) as [string, string | number | undefined][]) {
    if (value !== undefined && value !== '') query[key] = value;
  }
  return client.get<AuditPage>(`${base}/audit`, { ...options, query });
}
