// RateLimits: how often someone may ask for the things that cost us or
// others something — signing up and password resets (mail to a person),
// booking (her calendar), exports (the whole of someone's records). Each is
// counted per network address and per account in fixed windows; past the
// limit the answer is "try again in N seconds", never a lock-out.
// (Log-in and two-factor codes have their own, slower-growing waits:
// accounts/login_throttle.h.)
//
// Keys are hashes of the action with the address or account: the counters'
// table holds neither in plain.
//
// Thread-safety: safe from any thread once built.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/error.h"
#include "domain/limits/rate_counter_repository.h"

namespace securebase::domain {

enum class LimitedAction { kSignUp, kPasswordForgot, kPasswordReset, kBooking, kExport };

const char* LimitedActionName(LimitedAction action);  // "sign_up", "booking"…

struct RateLimit {
  long per_address = 0;  // requests per window from one network address (0: no limit)
  long per_account = 0;  // … for one account, by id or normalized email (0: no limit)
  std::chrono::seconds window{3600};
};

// Defaults, per hour: generous for a person, small for a script. The
// operator can change each (config `limits.*`); a test server whose
// browsers all share one address raises the per-address ones.
struct RateLimitSettings {
  RateLimit sign_up{20, 5};
  RateLimit password_forgot{20, 5};
  RateLimit password_reset{30, 10};
  RateLimit booking{60, 20};
  RateLimit export_{30, 10};

  const RateLimit& For(LimitedAction action) const;
};

// The counters' keys that name one account (`who`: an id or a normalized
// email), one per action: what account deletion removes. Counters by
// address stay, so a deletion never resets a limit on where requests come
// from.
std::vector<std::string> AccountCounterKeys(std::string_view who);

class RateLimits {
 public:
  RateLimits(RateCounterRepository& counters, const Clock& clock, RateLimitSettings settings)
      : counters_(counters), clock_(clock), settings_(settings) {}

  // Counts one request of `action` from `address` (and by `account`, when
  // known); kTooManyRequests with retry_after_seconds (to the window's end)
  // once either count is past its limit.
  Status Hit(LimitedAction action, std::string_view address,
             std::optional<std::string_view> account);

  // Housekeeping: forgets counters from windows that ended a day ago.
  Result<long> ForgetOld();

 private:
  RateCounterRepository& counters_;
  const Clock& clock_;
  RateLimitSettings settings_;
};

}  // namespace securebase::domain
