// A learner's journal entries (docs/api/journal.md):
//   PUT    /api/v1/journal/entries/{id}   save: 201 created, 200 replaced,
//                                         409 journal-kind-conflict, 400 naming every field
//   GET    /api/v1/journal/entries/{id}   one entry; 404; 500 journal-entry-unreadable
//   DELETE /api/v1/journal/entries/{id}   204; 404
//   GET    /api/v1/journal/entries[?q=&kind=&sign=&state=&tag=&from=&to=&tz=&before=&limit=]
//                                         a page, newest first, with unreadable entries apart
// Another learner's entry is 404, exactly as a missing one. The service runs
// on the blocking pool (it opens sealed bodies and reads the database).
#pragma once

#include <cstddef>

#include "api/api_context.h"
#include "http/request.h"

namespace securebase::api {

// The largest PUT body: every field at its limit in characters that JSON
// writes as \uXXXX escapes (a surrogate pair for a character beyond the
// Basic Multilingual Plane) still fits: 34,280 characters × 12 bytes.
inline constexpr std::size_t kJournalEntryBytes = 512 * 1024;

http::Handler PutJournalEntryHandler(ApiContext& ctx);
http::Handler GetJournalEntryHandler(ApiContext& ctx);
http::Handler DeleteJournalEntryHandler(ApiContext& ctx);
http::Handler ListJournalEntriesHandler(ApiContext& ctx);

}  // namespace securebase::api
