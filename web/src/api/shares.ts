// What a learner shares with each practitioner (issue #10). docs/api/sharing.md is the contract;
// these types follow it field for field.
//
//   GET    /api/v1/shares                          → SharesAnswer: every practitioner on the site,
//          with an all-false share and updated_at null where nothing was ever shared
//   PUT    /api/v1/shares ShareInput               → PractitionerShare (replaces that one share);
//          400 `invalid-argument` with errors naming the field
//   DELETE /api/v1/shares[?practitioner_id=ID]     → 204: nothing shared with her (or with anyone)
//
// Every route answers 401 without a session. Sharing is never required: booking works without it.
// Stateless functions; safe to call from anywhere (node too, for tests/api).
import type { ApiClient, RequestOptions } from './client';
import { defaultClient } from './default-client';

type Options = Pick<RequestOptions, 'signal'>;

const base = '/api/v1/shares';

/** The kinds that can be shared, in the order the app lists them. */
export const shareKinds = ['checkins', 'practice', 'course', 'journal_entries'] as const;
export type ShareKind = (typeof shareKinds)[number];

/** The most journal entries one share may name. */
export const maxSharedEntries = 200;

export interface Share {
  checkins: boolean;
  practice: boolean;
  course: boolean;
  /** Ids of the learner's own entries, each once. */
  journal_entries: string[];
}

export interface PractitionerShare {
  practitioner: { id: string; name: string };
  share: Share;
  /** RFC 3339 UTC; null when nothing was ever shared with her. */
  updated_at: string | null;
}

export interface SharesAnswer {
  practitioners: PractitionerShare[];
}

export interface ShareInput extends Share {
  practitioner_id: string;
}

/** Nothing shared. */
export const nothingShared: Share = { checkins: false, practice: false, course: false, journal_entries: [] };

/** Whether `share` shows her anything at all. */
export function sharesAnything(share: Share): boolean {
  return share.checkins || share.practice || share.course || share.journal_entries.length > 0;
}

/** Whether two shares show the same things (entries in any order). */
export function sameShare(a: Share, b: Share): boolean {
  const ids = (share: Share) => [...share.journal_entries].sort().join('\n');
  return a.checkins === b.checkins && a.practice === b.practice && a.course === b.course && ids(a) === ids(b);
}

export function getShares(client: ApiClient = defaultClient(), options: Options = {}) {
  return client.get<SharesAnswer>(base, options);
}

/** Replaces what is shared with one practitioner; resolves to the share as stored. */
export function putShare(input: ShareInput, client: ApiClient = defaultClient(), options: Options = {}) {
  return client.put<PractitionerShare>(base, input, options);
}

/** Stops sharing everything with `practitionerId`, or with every practitioner when left out. */
export async function deleteShares(practitionerId?: string, client: ApiClient = defaultClient(), options: Options = {}) {
  await client.delete<void>(base, { ...options, query: { practitioner_id: practitionerId } });
}

/**
 * One time a practitioner opened what the learner shares, or the answers they gave when booking a
 * session (from the audit log).
 */
export interface ShareRead {
  id: string;
  /** RFC 3339 UTC. */
  at: string;
  /** name null: the practitioner's account has since been deleted. */
  practitioner: { id: string; name: string | null };
  /** "shared.read": what they share; "intake.read": one booking's answers. */
  action?: 'shared.read' | 'intake.read';
  /** What it showed: "checkins, journal_entries:1", or "nothing shared"; "booking:<id>" for answers. */
  detail: string;
}

export interface ShareReadsPage {
  reads: ShareRead[];
  /** Pass as `before` for the next (older) page; null on the last. */
  next: string | null;
}

/** Each time a practitioner looked, newest first (`limit` 1–100, default 20; `before`: a page's `next`). */
export function getShareReads(
  limit?: number,
  client: ApiClient = defaultClient(),
  options: Options = {},
  before?: string,
) {
  return client.get<ShareReadsPage>(`${base}/reads`, { ...options, query: { limit, before } });
}
