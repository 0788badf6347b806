// JournalRepository on SQL (SQLite and PostgreSQL through one code path):
// table journal_entries (migration 0012). The sealed body is stored as
// lower-case hex text.
//
// Save reads the (owner, id) row inside its write transaction and updates or
// inserts; when two first saves of one id race on PostgreSQL, the primary
// key refuses the second insert and Save runs once more, now finding the
// winner's row (replacing it, or reporting another kind).
//
// Thread-safety: safe from any thread (each call borrows its own session).
#pragma once

#include "domain/journal/journal_repository.h"
#include "storage/database.h"

namespace securebase::storage {

class SqlJournalRepository final : public domain::JournalRepository {
 public:
  explicit SqlJournalRepository(Database& db) : db_(db) {}

  Result<domain::SavedJournalRecord> Save(const domain::SealedJournalEntry& record) override;
  Result<std::optional<domain::SealedJournalEntry>> Find(std::string_view user_id,
                                                         std::string_view id) override;
  Result<bool> Delete(std::string_view user_id, std::string_view id) override;
  Result<std::vector<domain::SealedJournalEntry>> All(std::string_view user_id) override;
  Result<std::vector<domain::SealedJournalEntry>> Headers(std::string_view user_id) override;

 private:
  Result<domain::SavedJournalRecord> SaveOnce(const domain::SealedJournalEntry& record);

  Database& db_;
};

}  // namespace securebase::storage
