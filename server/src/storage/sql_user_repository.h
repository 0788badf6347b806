// UserRepository on SQL (SQLite and PostgreSQL through one code path).
//
// Thread-safety: safe from any thread (each call borrows its own session).
#pragma once

#include "domain/accounts/user_repository.h"
#include "storage/database.h"

namespace securebase::storage {

class SqlUserRepository final : public domain::UserRepository {
 public:
  explicit SqlUserRepository(Database& db) : db_(db) {}

  Status Create(const domain::User& user) override;
  Status Update(const domain::User& user) override;
  Result<std::optional<domain::User>> FindById(std::string_view id) override;
  Result<std::optional<domain::User>> FindByEmail(std::string_view normalized_email) override;
  // One query per 500 ids (well under SQLite's and PostgreSQL's limits on
  // bound parameters), all in one read.
  Result<std::vector<domain::User>> FindByIds(const std::vector<std::string>& ids) override;
  Result<long> CountWithRole(domain::Role role) override;
  Result<std::optional<domain::User>> FirstWithRole(domain::Role role) override;
  Result<std::vector<domain::User>> WithRole(domain::Role role) override;

 private:
  Result<std::optional<domain::User>> FindBy(const char* op, const char* column,
                                             std::string_view value);
  Database& db_;
};

}  // namespace securebase::storage
