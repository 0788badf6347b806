// LoginThrottleRepository counts failed sign-in attempts per key (an
// account's or a network address's hash), in the database so that every
// server instance sees the same count.
//
// Implementations: storage/sql_login_throttle_repository and
// tests/fakes/memory_login_throttle_repository; one contract suite.
//
// Thread-safety: implementations are safe to call from several threads.
#pragma once

#include <optional>
#include <string_view>

#include "common/clock.h"
#include "common/error.h"

namespace securebase::domain {

struct FailureRecord {
  long failures = 0;
  Instant last_failure_at;
};

class LoginThrottleRepository {
 public:
  virtual ~LoginThrottleRepository() = default;

  virtual Result<std::optional<FailureRecord>> Get(std::string_view key) = 0;
  // Adds one failure at `now` (starting again from one when the last
  // failure was before `forget_before`) and returns the new record. Atomic.
  virtual Result<FailureRecord> RecordFailure(std::string_view key, Instant now,
                                              Instant forget_before) = 0;
  virtual Status Clear(std::string_view key) = 0;
  // Deletes every record whose last failure was before `before` and returns
  // how many.
  virtual Result<long> DeleteOlderThan(Instant before) = 0;
};

}  // namespace securebase::domain
