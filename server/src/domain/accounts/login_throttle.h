// LoginThrottle slows down guessing. Each failed password or two-factor code
// counts against the account and against the network address it came from;
// after a few free failures every further attempt must wait, doubling from
// one second up to fifteen minutes. Waiting is the answer, never a lock-out:
// a stranger cannot lock someone out of their own account for long.
//
// Keys are hashed (an address or email is personal data and the table need
// not hold either).
//
// Thread-safety: stateless apart from its references; safe from any thread.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "domain/accounts/login_throttle_repository.h"

namespace securebase::domain {

// Failures older than this are forgotten: they no longer count towards a
// wait, and the housekeeping job deletes their records.
inline constexpr std::chrono::hours kForgetFailuresAfter{24};

struct ThrottleKey {
  std::string key;  // hashed
  long free_failures = 5;
};

// Keys for a log-in: the account (by normalized email) and the address.
std::vector<ThrottleKey> LoginKeys(std::string_view normalized_email, std::string_view address);
// Keys for two-factor codes: the account (by id) and the address.
std::vector<ThrottleKey> CodeKeys(std::string_view user_id, std::string_view address);

// Seconds to wait after `failures` failures, `free` of them free (0: none).
long WaitSeconds(long failures, long free);

class LoginThrottle {
 public:
  LoginThrottle(LoginThrottleRepository& records, const Clock& clock)
      : records_(records), clock_(clock) {}

  // kTooManyRequests (with retry_after_seconds) while any key must wait.
  Status Check(const std::vector<ThrottleKey>& keys);
  Status RecordFailure(const std::vector<ThrottleKey>& keys);
  // A success forgets the account's failures (not the address's).
  Status Clear(const ThrottleKey& key) { return records_.Clear(key.key); }

 private:
  LoginThrottleRepository& records_;
  const Clock& clock_;
};

}  // namespace securebase::domain
