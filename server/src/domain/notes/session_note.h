// SessionNote: what the practitioner writes for herself about one client —
// after a session, before one, or about nothing in particular — optionally
// tied to one of that client's bookings. A note is hers alone: no client
// ever sees it, and it is kept apart from everything a client shares (its
// own table; no learner route reads it).
//
// The text is sealed before it is stored (note_sealing.h): a note read from
// storage carries it only as SealedSessionNote::sealed_text
// (note_repository.h).
//
// Thread-safety: plain values and pure functions.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/error.h"

namespace securebase::domain {

// Room for a long page of notes; a body of this many characters, escaped as
// JSON, fits the route's limit (api/routes.cc).
inline constexpr std::size_t kMaxNoteChars = 20'000;

struct SessionNote {
  std::string id;  // "nt_" + random
  std::string author_id;
  std::string client_id;
  std::optional<std::string> booking_id;  // one of the client's bookings, if tied to it
  // When that booking starts (read from it, not kept with the note): so a
  // list of notes can name their sessions' dates.
  std::optional<Instant> booking_start;
  Instant written_at;
  Instant updated_at;
  std::string text;  // trimmed, never empty
};

// What she sends to write a note.
struct NoteDraft {
  std::string text;
  std::optional<std::string> booking_id;
};

// Whether `id` has the shape of a note id ("nt_" and 32 lower-case hex
// digits): anything else is no note, without asking the database.
bool IsNoteId(std::string_view id);

// The text as it is kept: without the spaces and blank lines around it.
std::string TrimNoteText(std::string_view text);

// The field errors of a note's text ("text": empty, or longer than
// kMaxNoteChars characters once trimmed); none when it may be kept.
std::vector<FieldError> CheckNoteText(std::string_view trimmed);

}  // namespace securebase::domain
