// UserRepository stores accounts. Emails are unique (already normalized by
// the domain): creating a second account with the same email is kConflict.
//
// Implementations: storage/sql_user_repository (SQLite, PostgreSQL) and
// tests/fakes/memory_user_repository; one contract suite
// (server/tests/contract/user_repository_contract_test.cc).
//
// Thread-safety: implementations are safe to call from several threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/accounts/user.h"

namespace securebase::domain {

class UserRepository {
 public:
  virtual ~UserRepository() = default;

  virtual Status Create(const User& user) = 0;
  // Saves every changeable field (email, display name, password hash, time
  // zone, country, email_verified_at, updated_at) of an existing account.
  // kNotFound when there is no such account; kConflict when the new email
  // belongs to another account.
  virtual Status Update(const User& user) = 0;
  virtual Result<std::optional<User>> FindById(std::string_view id) = 0;
  virtual Result<std::optional<User>> FindByEmail(std::string_view normalized_email) = 0;
  // The accounts with these ids, each once, in no promised order; unknown
  // ids are left out. For lists that name many people (the practitioner's
  // calendar, the waitlist): one read for all, not one per person.
  virtual Result<std::vector<User>> FindByIds(const std::vector<std::string>& ids) = 0;
  virtual Result<long> CountWithRole(Role role) = 0;
  // The earliest account with this role (the practitioner, for booking
  // mail); nullopt when there is none.
  virtual Result<std::optional<User>> FirstWithRole(Role role) = 0;
  // Every account with this role, oldest first (the practitioners a learner
  // may share with).
  virtual Result<std::vector<User>> WithRole(Role role) = 0;
};

}  // namespace securebase::domain
