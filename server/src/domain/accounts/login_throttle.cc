#include "domain/accounts/login_throttle.h"

#include <algorithm>

#include "common/token_hash.h"

namespace securebase::domain {
namespace {

constexpr long kMaxWaitSeconds = 15 * 60;
constexpr std::int64_t kForgetAfterMillis = std::chrono::milliseconds(kForgetFailuresAfter).count();

}  // namespace

std::vector<ThrottleKey> LoginKeys(std::string_view normalized_email, std::string_view address) {
  // An address is shared by a household or an office, so it gets more room.
  return {{HashToken(std::string("login-account:").append(normalized_email)), 5},
          {HashToken(std::string("login-address:").append(address)), 20}};
}

std::vector<ThrottleKey> CodeKeys(std::string_view user_id, std::string_view address) {
  return {{HashToken(std::string("code-account:").append(user_id)), 5},
          {HashToken(std::string("code-address:").append(address)), 20}};
}

long WaitSeconds(long failures, long free) {
  if (failures <= free) return 0;
  const long over = failures - free;  // 1, 2, 3...
  if (over > 10) return kMaxWaitSeconds;
  return std::min(kMaxWaitSeconds, 1L << (over - 1));
}

Status LoginThrottle::Check(const std::vector<ThrottleKey>& keys) {
  const Instant now = clock_.Now();
  long wait = 0;
  for (const auto& k : keys) {
    auto record = records_.Get(k.key);
    if (!record) return std::unexpected(record.error());
    if (!*record || (*record)->last_failure_at.millis < now.millis - kForgetAfterMillis) continue;
    const long seconds = WaitSeconds((*record)->failures, k.free_failures);
    const std::int64_t until = (*record)->last_failure_at.millis + seconds * 1000;
    if (until > now.millis)
      wait = std::max(wait, static_cast<long>((until - now.millis + 999) / 1000));
  }
  if (wait > 0) {
    return TooManyRequests(
        "Too many attempts in a row. For your safety, please wait a little before trying again.",
        wait);
  }
  return {};
}

Status LoginThrottle::RecordFailure(const std::vector<ThrottleKey>& keys) {
  const Instant now = clock_.Now();
  for (const auto& k : keys) {
    auto r = records_.RecordFailure(k.key, now, Instant{now.millis - kForgetAfterMillis});
    if (!r) return std::unexpected(r.error());
  }
  return {};
}

}  // namespace securebase::domain
