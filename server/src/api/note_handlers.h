// The practitioner's session notes about her clients (docs/api/notes.md):
//   GET    /api/v1/console/clients/{id}/notes   her notes about the client, newest first,
//                                               those that do not open apart; 404 no client
//   POST   /api/v1/console/clients/{id}/notes   {"text", "booking_id"?} → 201 the note;
//                                               400 naming every field; 404 no client
//   PUT    /api/v1/console/notes/{id}           {"text"} → 200 the note; 400; 404
//   DELETE /api/v1/console/notes/{id}           204; 404
// Another practitioner's note is 404, exactly as a missing one. Every route
// is the practitioner's, after two-factor (api/routes.cc); no learner route
// reads notes. The service runs on the blocking pool (it seals, opens and
// reads the database).
#pragma once

#include <cstddef>

#include "api/api_context.h"
#include "domain/notes/session_note.h"
#include "http/request.h"

namespace securebase::api {

// The largest body: a note at its limit in characters that JSON writes as
// \uXXXX escapes (a surrogate pair, 12 bytes, for a character beyond the
// Basic Multilingual Plane), and room for the booking's id.
inline constexpr std::size_t kNoteBytes = 12 * domain::kMaxNoteChars + 4096;

http::Handler ListClientNotesHandler(ApiContext& ctx);
http::Handler PostClientNoteHandler(ApiContext& ctx);
http::Handler PutNoteHandler(ApiContext& ctx);
http::Handler DeleteNoteHandler(ApiContext& ctx);

}  // namespace securebase::api
