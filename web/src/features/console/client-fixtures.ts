// Clients, a client's page and audit pages as the server sends them, for the console's unit tests.
import type { AuditEntry, ClientDetail, ClientSummary } from '../../api/console-clients';
import { attachmentResult, signsResult } from '../checkin/test-fixtures';
import { partsEntry, triggerEntry } from '../journal/journal-fixtures';
import { statsReport } from '../practices/session-fixtures';
import { course } from '../progress/progress-fixtures';
import { booking } from './console-fixtures';

export function clientSummary(overrides: Partial<ClientSummary> = {}): ClientSummary {
  return {
    id: 'u7',
    name: 'Sam',
    email: 'sam@example.org',
    time_zone: 'America/New_York',
    shares: { checkins: true, practice: false, course: true, journal_entries: 2 },
    sessions: { upcoming: 1, past: 3, next_start: '2026-12-03T14:00:00Z' },
    ...overrides,
  };
}

/** Sam, sharing everything: two of each check-in, practice, a course and two entries. */
export function clientDetail(overrides: Partial<ClientDetail> = {}): ClientDetail {
  return {
    client: { id: 'u7', name: 'Sam', email: 'sam@example.org', time_zone: 'America/New_York' },
    shared: {
      checkins: {
        checkins: [
          signsResult('s2', '2026-03-20T09:05:00Z', { fear_of_abandonment: 2, rumination: 4 }),
          attachmentResult('a2', '2026-03-20T09:00:00Z', 4.5, 2),
          signsResult('s1', '2026-01-10T09:05:00Z', { fear_of_abandonment: 3, rumination: 4 }),
          attachmentResult('a1', '2026-01-10T09:00:00Z', 5.5, 2.5),
        ],
      },
      practice: statsReport(),
      course: { courses: [course()] },
      journal_entries: [triggerEntry(), partsEntry()],
    },
    shared_since: '2026-11-02T09:14:00Z',
    sessions: [booking({ id: 'bk_2', start: '2026-12-03T14:00:00Z', end: '2026-12-03T14:50:00Z' }), booking({ status: 'attended' })],
    ...overrides,
  };
}

export function auditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: 'a_1',
    at: '2026-11-30T10:02:11Z',
    action: 'shared.read',
    actor: { id: 'p1', name: 'Dr Rivera' },
    subject: { id: 'u7', name: 'Sam' },
    detail: 'checkins, course, journal_entries:2',
    ...overrides,
  };
}

export const auditActions = ['shared.read', 'sharing.changed', 'sharing.revoked', 'note.written'];
