// Where a journal entry's body is sealed: the associated data that binds a
// sealed body to its table, column, row and owner (common/secret_box.h).
// Shared by the journal service, which seals and opens bodies, and by key
// rotation, which re-seals them with a new key.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "common/secret_box.h"

namespace securebase::domain {

inline constexpr std::string_view kJournalTable = "journal_entries";
inline constexpr std::string_view kJournalSealedColumn = "sealed_body";

inline std::string JournalBodyAd(std::string_view entry_id, std::string_view user_id) {
  return AssociatedData(kJournalTable, kJournalSealedColumn, entry_id, user_id);
}

}  // namespace securebase::domain
