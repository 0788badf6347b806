// AccountEraser on SQL (SQLite and PostgreSQL): one write transaction that
// de-identifies the account's bookings, forgets its unsent mail and counters
// and deletes the account row, which takes every row keyed by it along
// (ON DELETE CASCADE, server/migrations/). On SQLite the WAL is then
// checkpointed and truncated, so the deleted rows' old pages leave it too
// (best effort: a reader still holding an older snapshot keeps it a while).
//
// Thread-safety: safe from any thread (each call borrows its own session).
#pragma once

#include "domain/privacy/account_eraser.h"
#include "storage/database.h"

namespace securebase::storage {

class SqlAccountEraser final : public domain::AccountEraser {
 public:
  explicit SqlAccountEraser(Database& db) : db_(db) {}

  Result<domain::ErasureReport> Erase(const domain::Erasure& erasure) override;

 private:
  Database& db_;
};

}  // namespace securebase::storage
