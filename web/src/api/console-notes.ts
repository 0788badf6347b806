// The practitioner's session notes about her clients (issue #10): hers alone, sealed at rest on
// the server, never shown to a client. docs/api/notes.md is the contract; these types follow it
// field for field.
//
//   GET    /api/v1/console/clients/{id}/notes              → ClientNotes, newest first; 404 no client
//   POST   /api/v1/console/clients/{id}/notes NoteInput    → 201 SessionNote; 400 with errors
//          ("text", "booking_id"); 404 no client
//   PUT    /api/v1/console/notes/{id} {text}               → SessionNote; 400 ("text"); 404
//   DELETE /api/v1/console/notes/{id}                      → 204; 404
//
// Another practitioner's note is 404 like a missing one. Every route: 401 without a session, 403
// for anyone but the practitioner after her two-factor step. Stateless functions; safe to call
// from anywhere (node too, for tests/api).
import type { ApiClient, RequestOptions } from './client';
import { defaultClient } from './default-client';

type Options = Pick<RequestOptions, 'signal'>;

const enc = encodeURIComponent;

/** The most characters a note may hold (after trimming); the server counts code points. */
export const maxNoteChars = 20_000;

export interface SessionNote {
  id: string;
  client_id: string;
  /** The client's booking it is tied to, or null. */
  booking_id: string | null;
  /** When that session starts (RFC 3339 UTC), or null when untied (or the booking is gone). */
  booking_start: string | null;
  written_at: string;
  updated_at: string;
  text: string;
}

/** A note whose text does not open on this server (a damaged row, a missing key). */
export interface UnreadableNote {
  id: string;
  booking_id: string | null;
  written_at: string;
  updated_at: string;
}

export interface ClientNotes {
  notes: SessionNote[];
  unreadable: UnreadableNote[];
}

export interface NoteInput {
  text: string;
  /** One of this client's bookings; left out (or null) for a note about no session. */
  booking_id?: string | null;
}

export function listClientNotes(clientId: string, client: ApiClient = defaultClient(), options: Options = {}) {
  return client.get<ClientNotes>(`/api/v1/console/clients/${enc(clientId)}/notes`, options);
}

export function writeClientNote(
  clientId: string,
  note: NoteInput,
  client: ApiClient = defaultClient(),
  options: Options = {},
) {
  return client.post<SessionNote>(`/api/v1/console/clients/${enc(clientId)}/notes`, note, options);
}

export function changeNote(noteId: string, text: string, client: ApiClient = defaultClient(), options: Options = {}) {
  return client.put<SessionNote>(`/api/v1/console/notes/${enc(noteId)}`, { text }, options);
}

export function deleteNote(noteId: string, client: ApiClient = defaultClient(), options: Options = {}) {
  return client.delete<void>(`/api/v1/console/notes/${enc(noteId)}`, options);
}
