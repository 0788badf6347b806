// NoteService: the practitioner's session notes about her clients
// (docs/api/notes.md). Writing seals the text (SecretBox with SessionNoteAd,
// so a text moved to another note, client or author does not open) before
// it reaches the repository; reading opens it again.
//
// A note is about a client (a learner's account: anyone else is no client,
// kNotFound) and may be tied to one of that client's bookings; a booking of
// someone else, or none, is a field error on "booking_id". Every read and
// change is the author's own: another practitioner's note is kNotFound, as a
// missing one.
//
// Every write and delete is in the audit log (domain/audit), its row written
// first: when it cannot be written, nothing changes and the caller gets the
// error. The row names the author, the client and the note's id; never the
// text.
//
// A note whose text does not open (a damaged row, a missing key) is listed
// apart and logged by id (never contents); nothing else here logs.
//
// Calls block on the repositories: from the HTTP layer, run them on the pool.
//
// Thread-safety: safe from any thread (state lives in the repositories).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/error.h"
#include "common/secret_box.h"
#include "domain/accounts/user_repository.h"
#include "domain/audit/audit_trail.h"
#include "domain/notes/note_repository.h"
#include "domain/notes/session_note.h"
#include "domain/scheduling/booking_repository.h"

namespace securebase::domain {

// Problem type of a note that cannot be opened (kInternal, answered as 500).
inline constexpr const char* kSessionNoteUnreadable = "session-note-unreadable";

// What is known of a note whose text does not open: the plain columns.
struct UnreadableNote {
  std::string id;
  std::optional<std::string> booking_id;
  Instant written_at;
  Instant updated_at;
};

struct ClientNotes {
  std::vector<SessionNote> notes;          // newest first: written_at, then id
  std::vector<UnreadableNote> unreadable;  // in the same order
};

class NoteService {
 public:
  NoteService(NoteRepository& notes, UserRepository& users, BookingRepository& bookings,
              AuditTrail& audit, const SecretBox& box, const Clock& clock)
      : notes_(notes),
        users_(users),
        bookings_(bookings),
        audit_(audit),
        box_(box),
        clock_(clock) {}

  // Her notes about the client, newest first, each with its booking's start;
  // kNotFound when the id is not a client's.
  Result<ClientNotes> About(std::string_view author_id, std::string_view client_id);

  // A new note about the client, written now (the text trimmed). Refusals:
  // kNotFound for no such client; kInvalidArgument with a FieldError per
  // broken rule ("text", "booking_id").
  Result<SessionNote> Write(std::string_view author_id, std::string_view client_id,
                            const NoteDraft& draft);

  // Replaces the text of her note (the text trimmed; updated_at now; the
  // client, booking and written_at stay). kNotFound when she has no such
  // note; kInvalidArgument for the text.
  Result<SessionNote> Change(std::string_view author_id, std::string_view note_id,
                             std::string_view text);

  // Deletes her note for good; kNotFound when she has none.
  Status Delete(std::string_view author_id, std::string_view note_id);

 private:
  // The client as a learner's account, or kNotFound.
  Status CheckClient(std::string_view client_id);
  // The client's booking with this id; nullopt when the client has none.
  Result<std::optional<Booking>> ClientsBooking(std::string_view client_id,
                                                std::string_view booking_id);
  // Her note as stored, or kNotFound.
  Result<SealedSessionNote> Stored(std::string_view author_id, std::string_view note_id);
  // The note in the record, or nullopt (logged) when its text does not open.
  std::optional<SessionNote> Open(const SealedSessionNote& record) const;

  NoteRepository& notes_;
  UserRepository& users_;
  BookingRepository& bookings_;
  AuditTrail& audit_;
  const SecretBox& box_;
  const Clock& clock_;
};

}  // namespace securebase::domain
