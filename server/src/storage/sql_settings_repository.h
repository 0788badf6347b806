// SettingsRepository on SQL (SQLite and PostgreSQL through one code path).
//
// Thread-safety: safe from any thread (each call borrows its own session).
#pragma once

#include "domain/settings/settings_repository.h"
#include "storage/database.h"

namespace securebase::storage {

class SqlSettingsRepository final : public domain::SettingsRepository {
 public:
  explicit SqlSettingsRepository(Database& db) : db_(db) {}

  Result<std::optional<domain::Setting>> Get(std::string_view key) override;
  Status Put(std::string_view key, std::string_view value, Instant now) override;
  Result<bool> PutIfAbsent(std::string_view key, std::string_view value, Instant now) override;
  Result<bool> Remove(std::string_view key) override;

 private:
  Database& db_;
};

}  // namespace securebase::storage
