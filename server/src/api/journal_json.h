// JSON shapes of journal entries (docs/api/journal.md): reading a PUT body
// into a draft, writing entries and pages, and the sealed format of an
// entry's contents (JsonJournalContentsCodec).
//
// The sealed format is the API's own field names: {"tags": [...],
// "trigger" | "reflection" | "parts": {...}} with exactly one body, written
// into every stored entry. Renaming a field in the API therefore renames it
// in stored bodies too: it needs a migration that opens and re-seals them
// (or the decoder must go on reading the old name).
//
// Thread-safety: pure functions; the codec is stateless.
#pragma once

#include <boost/json/object.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "domain/journal/journal_contents_codec.h"
#include "domain/journal/journal_entry.h"
#include "domain/journal/journal_service.h"

namespace securebase::api {

// The body of PUT /api/v1/journal/entries/{id} read into a draft (its id is
// the path's). What cannot be represented is named in `errors` and left out
// of the draft: values of the wrong type, fractions, unknown fields at the
// top and in the body, an unknown kind or state, a body for another kind, a
// missing body. The domain's rules (CheckJournalDraft) are not applied here.
// `id`, `created_at` and `updated_at` may be sent back as they were read:
// the id must then be the path's, the instants are the server's and ignored.
struct DecodedJournalDraft {
  domain::JournalDraft draft;
  std::vector<FieldError> errors;
};
DecodedJournalDraft DecodeJournalDraft(std::string_view id, const boost::json::object& body);

// {"id", "kind", "occurred_at", "created_at", "updated_at", "tags",
//  "trigger": {...} | null, "reflection": {...} | null, "parts": {...} | null}
boost::json::object EncodeJournalEntry(const domain::JournalEntry& entry);

// {"id", "kind", "occurred_at", "created_at", "updated_at"}
boost::json::object EncodeUnreadableJournalEntry(const domain::UnreadableJournalEntry& entry);

// {"entries": [entry, …], "unreadable": [unreadable, …], "next_before": instant | null,
//  "total": n}
boost::json::object EncodeJournalPage(const domain::JournalPage& page);

// The sealed plaintext: see the header comment. Decode ignores fields it
// does not know (written by a newer version) rather than lose an entry.
class JsonJournalContentsCodec final : public domain::JournalContentsCodec {
 public:
  std::string Encode(const domain::JournalContents& contents) const override;
  Result<domain::JournalContents> Decode(std::string_view plaintext) const override;
  // Every text is in the plaintext as written, unless it holds a character
  // JSON escapes (a quote, a backslash, a control character): a needle
  // without those that is missing from the plaintext is in no field.
  bool MayHoldAll(std::string_view plaintext,
                  const std::vector<std::string>& needles) const override;
};

}  // namespace securebase::api
