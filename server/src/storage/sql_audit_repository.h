// AuditRepository on SQL (SQLite and PostgreSQL): table audit_log
// (migration 0016). Append is a plain INSERT; nothing here updates or
// deletes a row.
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

 private:
  Database& db_;
};

}  // namespace securebase::storage
