// Where a session note's text is sealed: the associated data that binds a
// sealed text to its table, column, note, client and author
// (common/secret_box.h). Shared by the note service, which seals and opens
// texts, and by key rotation (storage/sealed_tables.cc), which re-seals them
// with a new key.
//
// The row part names the note and the client it is about ("<id>/<client>";
// ids never hold a "/"), so a note moved to another client's page does not
// open; the owner is the author.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "common/secret_box.h"

namespace securebase::domain {

inline constexpr std::string_view kSessionNotesTable = "session_notes";
inline constexpr std::string_view kSessionNoteSealedColumn = "sealed_text";

inline std::string SessionNoteAd(std::string_view note_id, std::string_view author_id,
                                 std::string_view client_id) {
  std::string row(note_id);
  row.append("/").append(client_id);
  return AssociatedData(kSessionNotesTable, kSessionNoteSealedColumn, row, author_id);
}

}  // namespace securebase::domain
