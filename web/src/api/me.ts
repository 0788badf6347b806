// The signed-in person (docs/api/accounts.md, "The person: Me").
//
//   GET   /api/v1/me  → 200 Me; 401 `unauthenticated` without a session (signed-in: a session
//                       that still owes its two-factor code may ask)
//   PATCH /api/v1/me  {display_name?, time_zone?, country?} → 200 Me; 400 with field errors
//                       (learner: the session must have finished signing in)
//   DELETE /api/v1/me {password, code?} → 204, the browser signed out; 400 with field errors
//                       (password, code), 429 after repeated wrong passwords (learner only)
import type { ApiClient, RequestOptions } from './client';
import { defaultClient } from './default-client';

export type Role = 'learner' | 'practitioner';

export interface TwoFactorStatus {
  /** An authenticator app has been set up for this account. */
  enrolled: boolean;
  /** Signing in needs a code: always for practitioners, and for learners who enrolled. */
  required: boolean;
  /** This session has given its code. */
  passed: boolean;
  /** How many unused recovery codes remain; sent once enrolled. */
  recovery_codes_left?: number;
}

export interface Me {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  /** IANA time zone, e.g. "Europe/Lisbon". */
  time_zone: string;
  /** ISO 3166-1 alpha-2, e.g. "PT". */
  country: string;
  email_verified: boolean;
  two_factor: TwoFactorStatus;
}

export interface ProfileChanges {
  /** 1 to 80 characters. */
  display_name?: string;
  time_zone?: string;
  country?: string;
}

/** The fields PATCH /me may name in `errors[]`. */
export type ProfileField = keyof ProfileChanges;

const path = '/api/v1/me';

type Options = Pick<RequestOptions, 'signal'>;

export function getMe(client: ApiClient = defaultClient(), options: Options = {}): Promise<Me> {
  return client.get<Me>(path, options);
}

export function updateMe(
  changes: ProfileChanges,
  client: ApiClient = defaultClient(),
  options: Options = {},
): Promise<Me> {
  return client.patch<Me>(path, changes, options);
}

/** The session still owes a two-factor code (the account has an authenticator set up). */
export function owesCode(me: Me): boolean {
  return me.two_factor.required && me.two_factor.enrolled && !me.two_factor.passed;
}

/** The session cannot go on until an authenticator is set up (a practitioner's first log-in). */
export function owesEnrolment(me: Me): boolean {
  return me.two_factor.required && !me.two_factor.enrolled;
}

/** Signing in is complete: the session may use everything its role allows. */
export function fullySignedIn(me: Me): boolean {
  return !me.two_factor.required || me.two_factor.passed;
}

/** A signed-in browser of this account (docs/api/accounts.md#sessions). */
export interface SignedInSession {
  /** A short public id: enough to end it, never enough to use it. */
  id: string;
  created_at: string;
  last_seen_at: string;
  /** When it ends if unused (or at its absolute limit, whichever is sooner). */
  expires_at: string;
  /** The browser asking. */
  current: boolean;
}

export function listSessions(client: ApiClient = defaultClient(), options: Options = {}) {
  return client.get<{ sessions: SignedInSession[] }>(`${path}/sessions`, options);
}

/** Ends one signed-in browser (404 when the account has none with that id). */
export async function endSession(id: string, client: ApiClient = defaultClient()): Promise<void> {
  await client.delete(`${path}/sessions/${encodeURIComponent(id)}`);
}

/** Ends every signed-in browser but this one. */
export async function endOtherSessions(client: ApiClient = defaultClient()): Promise<void> {
  await client.delete(`${path}/sessions`);
}

/** What deleting an account asks for: the current password, and a code when two-factor is on. */
export interface AccountDeletion {
  password: string;
  /** Six digits from the authenticator app, or a recovery code. */
  code?: string;
}

/** The fields DELETE /me may name in `errors[]`. */
export type AccountDeletionField = keyof AccountDeletion;

/**
 * Deletes the signed-in learner's account and everything about them (past sessions stay with the
 * practitioner without their name). The browser is signed out.
 */
export async function deleteAccount(
  deletion: AccountDeletion,
  client: ApiClient = defaultClient(),
): Promise<void> {
  await client.delete(path, { body: deletion });
}
