// TwoFactorRepository on SQL (SQLite and PostgreSQL through one code path).
//
// Beyond the interface's contract: BeginEnrollment stores the enrolment
// unconfirmed whatever its confirmed_at says; Confirm is kNotFound without
// an enrolment and kConflict when it was confirmed already (two racing
// confirmations: one wins). UseStep, UseRecoveryCode and Confirm are each
// one conditional UPDATE, so racing requests with one code succeed once.
// ReplaceRecoveryCodes deletes and inserts in one transaction.
//
// Thread-safety: safe from any thread (each call borrows its own session).
#pragma once

#include "domain/accounts/two_factor_repository.h"
#include "storage/database.h"

namespace securebase::storage {

class SqlTwoFactorRepository final : public domain::TwoFactorRepository {
 public:
  explicit SqlTwoFactorRepository(Database& db) : db_(db) {}

  Status BeginEnrollment(const domain::TwoFactorEnrollment& enrollment,
                         const std::vector<std::string>& recovery_code_hashes) override;
  Result<std::optional<domain::TwoFactorEnrollment>> Find(std::string_view user_id) override;
  Status Confirm(std::string_view user_id, Instant at, std::int64_t step) override;
  Result<bool> UseStep(std::string_view user_id, std::int64_t step) override;
  Result<bool> UseRecoveryCode(std::string_view user_id, std::string_view code_hash,
                               Instant at) override;
  Result<long> RecoveryCodesLeft(std::string_view user_id) override;
  Status ReplaceRecoveryCodes(std::string_view user_id,
                              const std::vector<std::string>& recovery_code_hashes) override;
  Result<bool> Remove(std::string_view user_id) override;

 private:
  Database& db_;
};

}  // namespace securebase::storage
