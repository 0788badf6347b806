// TwoFactorRepository stores each account's second factor: the TOTP secret
// (sealed with SecretBox, never in the clear), whether enrolment was
// confirmed, the last time step used (so a code works once), and the hashes
// of the one-time recovery codes.
//
// Implementations: storage/sql_two_factor_repository and
// tests/fakes/memory_two_factor_repository; one contract suite.
//
// Thread-safety: implementations are safe to call from several threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/error.h"

namespace securebase::domain {

struct TwoFactorEnrollment {
  std::string user_id;
  std::string sealed_secret;  // SecretBox output, hex
  std::optional<Instant> confirmed_at;
  std::int64_t last_used_step = 0;
  Instant created_at;
};

class TwoFactorRepository {
 public:
  virtual ~TwoFactorRepository() = default;

  // Starts (or restarts) an unconfirmed enrolment with its recovery codes'
  // hashes. kConflict when the account already has a confirmed one.
  virtual Status BeginEnrollment(const TwoFactorEnrollment& enrollment,
                                 const std::vector<std::string>& recovery_code_hashes) = 0;
  virtual Result<std::optional<TwoFactorEnrollment>> Find(std::string_view user_id) = 0;
  // Confirms the enrolment and records the step of the code that did it.
  virtual Status Confirm(std::string_view user_id, Instant at, std::int64_t step) = 0;
  // Records that a code of `step` was used: false when that step or a later
  // one was used already (a replay), true otherwise. Atomic.
  virtual Result<bool> UseStep(std::string_view user_id, std::int64_t step) = 0;
  // Marks an unused recovery code used: false when there is no such unused
  // code. Atomic.
  virtual Result<bool> UseRecoveryCode(std::string_view user_id, std::string_view code_hash,
                                       Instant at) = 0;
  virtual Result<long> RecoveryCodesLeft(std::string_view user_id) = 0;
  // Puts these hashes in place of every recovery code of a confirmed
  // enrolment (renewal): the old ones, used or not, stop working. kNotFound
  // when there is no confirmed enrolment. Atomic: a code used while this
  // runs is either used before or refused after.
  virtual Status ReplaceRecoveryCodes(std::string_view user_id,
                                      const std::vector<std::string>& recovery_code_hashes) = 0;
  // Removes the second factor and its recovery codes (the operator's reset
  // for someone who lost both): false when there was none.
  virtual Result<bool> Remove(std::string_view user_id) = 0;
};

}  // namespace securebase::domain
