// Small phrases the console's client pages share: what a client shares as short labels, and
// their sessions in a few words. Pure functions.
import type { ClientSummary } from '../../api/console-clients';
import { entriesCount, kindWords } from '../sharing/sharing-words';

/** "Check-in results", "Course progress", "2 journal entries": what they share, in the app's order. */
export function sharedLabels(shares: ClientSummary['shares']): string[] {
  const labels: string[] = [];
  if (shares.checkins) labels.push(kindWords.checkins.name);
  if (shares.practice) labels.push(kindWords.practice.name);
  if (shares.course) labels.push(kindWords.course.name);
  if (shares.journal_entries > 0) labels.push(entriesCount(shares.journal_entries));
  return labels;
}

/** "1 coming up, 3 past"; "No sessions booked". */
export function sessionCounts({ upcoming, past }: ClientSummary['sessions']): string {
  if (upcoming === 0 && past === 0) return 'No sessions booked';
  const parts: string[] = [];
  if (upcoming > 0) parts.push(`${upcoming} coming up`);
  if (past > 0) parts.push(`${past} past`);
  return parts.join(', ');
}

/** An IANA zone as the console writes it elsewhere: "America/New York". */
export function zoneWords(zone: string): string {
  return zone ? zone.replace(/_/g, ' ') : 'Not given';
}
