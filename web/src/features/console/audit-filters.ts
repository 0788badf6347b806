// The audit log's filters as the address holds them (/console/audit?action=&actor=&subject=&from=&to=),
// and as the API takes them. Dates are her local calendar dates, both included: `from` becomes
// the start of that day in her zone, `to` the start of the day after (the server's `to` is not
// included). Pure functions.
import type { AuditFilters } from '../../api/console-clients';
import { consolePaths } from './console-paths';

export interface AuditQuery {
  action: string;
  /** Who did it (a person's id). */
  actor: string;
  /** Whom it was about (a person's id). */
  subject: string;
  /** Local dates YYYY-MM-DD, or "". */
  from: string;
  to: string;
}

const keys = ['action', 'actor', 'subject', 'from', 'to'] as const;

export function queryFromLocation(query: Record<string, string | undefined>): AuditQuery {
  return {
    action: query.action ?? '',
    actor: query.actor ?? '',
    subject: query.subject ?? '',
    from: query.from ?? '',
    to: query.to ?? '',
  };
}

export function hasFilters(query: AuditQuery): boolean {
  return keys.some((key) => query[key] !== '');
}

/** The page's address for these filters (empty ones left out). */
export function auditPath(query: AuditQuery): string {
  const params = new URLSearchParams();
  for (const key of keys) if (query[key]) params.set(key, query[key]);
  const text = params.toString();
  return text ? `${consolePaths.audit}?${text}` : consolePaths.audit;
}

/** "The first date is after the last" and the like, before asking the server; undefined if fine. */
export function datesProblem(query: AuditQuery): string | undefined {
  if (query.from && query.to && query.from > query.to) return 'The “from” date is after the “to” date. Choose a “from” date on or before it.';
  return undefined;
}

/** What GET /console/audit is sent for these filters, days counted in `zone`. */
export function requestFilters(query: AuditQuery, zone: string): AuditFilters {
  const filters: AuditFilters = {};
  if (query.action) filters.action = query.action;
  if (query.actor) filters.actor = query.actor;
  if (query.subject) filters.subject = query.subject;
  const from = isDate(query.from) ? localMidnight(query.from, zone) : undefined;
  const next = isDate(query.to) ? localMidnight(nextDay(query.to), zone) : undefined;
  // Dates that are not dates are sent as they are, so the server's refusal says what is wrong.
  if (from !== undefined) filters.from = rfc3339(from);
  else if (query.from) filters.from = query.from;
  if (next !== undefined) filters.to = rfc3339(next);
  else if (query.to) filters.to = query.to;
  return filters;
}

function isDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
}

function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** Whole seconds, UTC: "2026-11-30T00:00:00Z". */
function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** How far `zone`'s clock is ahead of UTC at `ms`, in ms. */
function zoneOffset(ms: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return local - Math.floor(ms / 1000) * 1000;
}

/** The instant (ms) `date` begins in `zone`: its midnight, or the first moment after a gap. */
export function localMidnight(date: string, zone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`);
  try {
    let guess = wall - zoneOffset(wall, zone);
    // Once more at the guess itself, for a day whose offset differs from the day before.
    guess = wall - zoneOffset(guess, zone);
    return guess;
  } catch {
    return wall;
  }
}
