// AuditRepository on SQL (SQLite and PostgreSQL): table audit_log
// and audit_head (migration 0016). Append inserts a row and moves the head
// in one transaction; nothing here updates or deletes a row of the log.
//
// Thread-safety: safe from any thread (each call borrows its own session).
#pragma once

#include "domain/audit/audit_repository.h"
#include "storage/database.h"

namespace securebase::storage {

class SqlAuditRepository final : public domain::AuditRepository {
 public:
  explicit SqlAuditRepository(Database& db) : db_(db) {}

  Status Append(const domain::AuditEntry& entry) override;
  Result<std::vector<domain::AuditEntry>> Find(const domain::AuditQuery& query) override;
  Result<std::vector<domain::AuditEntry>> Chain(std::int64_t after, int limit) override;
  Result<std::pair<std::int64_t, std::string>> Head() override;

 private:
  Database& db_;
};

}  // namespace securebase::storage
