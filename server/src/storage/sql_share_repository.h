// ShareRepository on SQL (SQLite and PostgreSQL): tables shares and
// shared_journal_entries (migration 0017). A share's row and its entries
// change in one transaction; the entries' key names the learner, so only
// the learner's own entries can be shared.
//
// Thread-safety: safe from any thread (each call borrows its own session).
#pragma once

#include "domain/sharing/share_repository.h"
#include "storage/database.h"

namespace securebase::storage {

class SqlShareRepository final : public domain::ShareRepository {
 public:
  explicit SqlShareRepository(Database& db) : db_(db) {}

  Status Put(const domain::Share& share) override;
  Result<std::optional<domain::Share>> Find(std::string_view learner_id,
                                            std::string_view practitioner_id) override;
  Result<std::vector<domain::Share>> ForLearner(std::string_view learner_id) override;
  Result<std::vector<domain::Share>> ForPractitioner(std::string_view practitioner_id) override;
  Result<bool> Remove(std::string_view learner_id, std::string_view practitioner_id) override;

 private:
  Database& db_;
};

}  // namespace securebase::storage
