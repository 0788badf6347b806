// An in-memory TwoFactorRepository: the reference behaviour for the
// contract suite and a fast fake for domain tests. Like the SQL one,
// BeginEnrollment stores the enrolment unconfirmed whatever its
// confirmed_at says; Confirm is kNotFound without an enrolment and
// kConflict once confirmed.
//
// Thread-safety: every method takes one mutex; safe from any thread.
#pragma once

#include <map>
#include <mutex>
#include <string>

#include "domain/accounts/two_factor_repository.h"

namespace securebase::fakes {

class MemoryTwoFactorRepository final : public domain::TwoFactorRepository {
 public:
  Status BeginEnrollment(const domain::TwoFactorEnrollment& enrollment,
                         const std::vector<std::string>& recovery_code_hashes) override {
    std::lock_guard lock(mu_);
    const auto it = accounts_.find(enrollment.user_id);
    if (it != accounts_.end() && it->second.enrollment.confirmed_at) return AlreadyConfirmed();
    Account account;
    account.enrollment = enrollment;
    account.enrollment.confirmed_at.reset();
    for (const auto& hash : recovery_code_hashes) {
      // The same hash twice: the SQL primary key refuses it too.
      if (!account.codes.emplace(hash, std::nullopt).second) {
        return Fail(ErrorCode::kConflict, "That already exists.");
      }
    }
    accounts_[enrollment.user_id] = std::move(account);
    return {};
  }

  Result<std::optional<domain::TwoFactorEnrollment>> Find(std::string_view user_id) override {
    std::lock_guard lock(mu_);
    const auto it = accounts_.find(std::string(user_id));
    if (it == accounts_.end()) return std::nullopt;
    return it->second.enrollment;
  }

  Status Confirm(std::string_view user_id, Instant at, std::int64_t step) override {
    std::lock_guard lock(mu_);
    const auto it = accounts_.find(std::string(user_id));
    if (it == accounts_.end()) {
      return NotFound("Two-factor sign-in is not being set up for this account.");
    }
    domain::TwoFactorEnrollment& e = it->second.enrollment;
    if (e.confirmed_at) return AlreadyConfirmed();
    e.confirmed_at = at;
    e.last_used_step = step;
    return {};
  }

  Result<bool> UseStep(std::string_view user_id, std::int64_t step) override {
    std::lock_guard lock(mu_);
    const auto it = accounts_.find(std::string(user_id));
    if (it == accounts_.end() || it->second.enrollment.last_used_step >= step) return false;
    it->second.enrollment.last_used_step = step;
    return true;
  }

  Result<bool> UseRecoveryCode(std::string_view user_id, std::string_view code_hash,
                               Instant at) override {
    std::lock_guard lock(mu_);
    const auto it = accounts_.find(std::string(user_id));
    if (it == accounts_.end()) return false;
    const auto code = it->second.codes.find(std::string(code_hash));
    if (code == it->second.codes.end() || code->second) return false;
    code->second = at;
    return true;
  }

  Result<long> RecoveryCodesLeft(std::string_view user_id) override {
    std::lock_guard lock(mu_);
    const auto it = accounts_.find(std::string(user_id));
    if (it == accounts_.end()) return 0L;
    long left = 0;
    for (const auto& [hash, used] : it->second.codes) left += used ? 0 : 1;
    return left;
  }

  Status ReplaceRecoveryCodes(std::string_view user_id,
                              const std::vector<std::string>& recovery_code_hashes) override {
    std::lock_guard lock(mu_);
    const auto it = accounts_.find(std::string(user_id));
    if (it == accounts_.end() || !it->second.enrollment.confirmed_at) {
      return NotFound("Two-factor sign-in is not set up for this account.");
    }
    std::map<std::string, std::optional<Instant>> codes;
    for (const auto& hash : recovery_code_hashes) {
      if (!codes.emplace(hash, std::nullopt).second) {
        return Fail(ErrorCode::kConflict, "That already exists.");
      }
    }
    it->second.codes = std::move(codes);
    return {};
  }

  Result<bool> Remove(std::string_view user_id) override {
    std::lock_guard lock(mu_);
    return accounts_.erase(std::string(user_id)) == 1;
  }

 private:
  struct Account {
    domain::TwoFactorEnrollment enrollment;
    std::map<std::string, std::optional<Instant>> codes;  // hash → when used
  };

  static std::unexpected<Error> AlreadyConfirmed() {
    return Fail(ErrorCode::kConflict, "Two-factor sign-in is already set up for this account.");
  }

  std::mutex mu_;
  std::map<std::string, Account> accounts_;
};

}  // namespace securebase::fakes
