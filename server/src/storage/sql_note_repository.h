// NoteRepository on SQL (SQLite and PostgreSQL through one code path):
// table session_notes (migration 0018). The sealed text is stored as
// lower-case hex text.
//
// Thread-safety: safe from any thread (each call borrows its own session).
#pragma once

#include "domain/notes/note_repository.h"
#include "storage/database.h"

namespace securebase::storage {

class SqlNoteRepository final : public domain::NoteRepository {
 public:
  explicit SqlNoteRepository(Database& db) : db_(db) {}

  Status Insert(const domain::SealedSessionNote& note) override;
  Result<std::optional<domain::SealedSessionNote>> Find(std::string_view author_id,
                                                        std::string_view id) override;
  Result<bool> UpdateText(std::string_view author_id, std::string_view id,
                          const std::string& sealed_text, Instant updated_at) override;
  Result<bool> Delete(std::string_view author_id, std::string_view id) override;
  Result<std::vector<domain::SealedSessionNote>> About(std::string_view author_id,
                                                       std::string_view client_id) override;
  Result<std::vector<domain::SealedSessionNote>> UnchangedSince(Instant before,
                                                                std::size_t limit) override;
  Result<bool> DeleteIfUnchangedSince(std::string_view id, Instant before) override;

 private:
  Database& db_;
};

}  // namespace securebase::storage
