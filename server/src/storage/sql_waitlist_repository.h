// WaitlistRepository on SQL (SQLite and PostgreSQL): table waitlist
// (migration 0015). The unique (client, type) pair makes a second place a
// conflict even when two joins race.
//
// Thread-safety: safe from any thread (each call borrows its own session).
#pragma once

#include "domain/scheduling/waitlist_repository.h"
#include "storage/database.h"

namespace securebase::storage {

class SqlWaitlistRepository final : public domain::WaitlistRepository {
 public:
  explicit SqlWaitlistRepository(Database& db) : db_(db) {}

  Status Add(const domain::WaitlistEntry& entry) override;
  Result<bool> Remove(std::string_view client_id, std::string_view id) override;
  Status RemoveForType(std::string_view client_id, std::string_view session_type_id) override;
  Result<std::vector<domain::WaitlistEntry>> All() override;
  Result<std::vector<domain::WaitlistEntry>> ForClient(std::string_view client_id) override;
  Result<bool> ClaimNotice(std::string_view id, Instant at, Instant not_since) override;

 private:
  Database& db_;
};

}  // namespace securebase::storage
