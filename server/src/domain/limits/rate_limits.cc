#include "domain/limits/rate_limits.h"

#include <algorithm>
#include <string>

#include "common/token_hash.h"

namespace securebase::domain {

const char* LimitedActionName(LimitedAction action) {
  switch (action) {
    case LimitedAction::kSignUp: return "sign_up";
    case LimitedAction::kPasswordForgot: return "password_forgot";
    case LimitedAction::kPasswordReset: return "password_reset";
    case LimitedAction::kBooking: return "booking";
    case LimitedAction::kExport: return "export";
  }
  return "unknown";
}

const RateLimit& RateLimitSettings::For(LimitedAction action) const {
  switch (action) {
    case LimitedAction::kSignUp: return sign_up;
    case LimitedAction::kPasswordForgot: return password_forgot;
    case LimitedAction::kPasswordReset: return password_reset;
    case LimitedAction::kBooking: return booking;
    case LimitedAction::kExport: return export_;
  }
  return sign_up;
}

namespace {

std::string CounterKey(std::string_view action, std::string_view kind, std::string_view who) {
  return HashToken(std::string(action) + ":" + std::string(kind) + ":" + std::string(who));
}

}  // namespace

std::vector<std::string> AccountCounterKeys(std::string_view who) {
  std::vector<std::string> keys;
  for (const auto action :
       {LimitedAction::kSignUp, LimitedAction::kPasswordForgot, LimitedAction::kPasswordReset,
        LimitedAction::kBooking, LimitedAction::kExport}) {
    keys.push_back(CounterKey(LimitedActionName(action), "account", who));
  }
  return keys;
}

Status RateLimits::Hit(LimitedAction action, std::string_view address,
                       std::optional<std::string_view> account) {
  const RateLimit& limit = settings_.For(action);
  const std::int64_t window = std::chrono::milliseconds(limit.window).count();
  const Instant now = clock_.Now();
  const Instant start{now.millis - now.millis % window};
  const std::string name = LimitedActionName(action);
  const auto over = [&](std::string_view kind, std::string_view who, long most) -> Result<bool> {
    if (most <= 0 || who.empty()) return false;
    auto hits = counters_.Hit(CounterKey(name, kind, who), start);
    if (!hits) return std::unexpected(hits.error());
    return *hits > most;
  };
  auto by_address = over("address", address, limit.per_address);
  if (!by_address) return std::unexpected(by_address.error());
  auto by_account = account ? over("account", *account, limit.per_account) : Result<bool>(false);
  if (!by_account) return std::unexpected(by_account.error());
  if (!*by_address && !*by_account) return {};
  const long seconds = std::max<long>(1, (start.millis + window - now.millis + 999) / 1000);
  return TooManyRequests(
      "That has been asked for many times in a short while. Please wait a little and try again.",
      seconds);
}

Result<long> RateLimits::ForgetOld() {
  std::chrono::seconds longest{0};
  for (auto action :
       {LimitedAction::kSignUp, LimitedAction::kPasswordForgot, LimitedAction::kPasswordReset,
        LimitedAction::kBooking, LimitedAction::kExport}) {
    longest = std::max(longest, settings_.For(action).window);
  }
  const auto keep = std::chrono::milliseconds(longest + std::chrono::hours(24)).count();
  return counters_.DeleteOlderThan(Instant{clock_.Now().millis - keep});
}

}  // namespace securebase::domain
