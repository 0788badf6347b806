#include "domain/accounts/setup_service.h"

#include "common/random.h"
#include "common/token_hash.h"

namespace securebase::domain {
namespace {

constexpr const char* kTokenKey = "setup.token_hash";
constexpr const char* kCompletedKey = "setup.completed";

std::unexpected<Error> AlreadyDone() {
  return Fail(ErrorCode::kConflict,
              "This site already has its practitioner. Sign in instead, or ask the operator.");
}

}  // namespace

Result<bool> SetupService::Needed() {
  auto count = users_.CountWithRole(Role::kPractitioner);
  if (!count) return std::unexpected(count.error());
  return *count == 0;
}

Result<std::optional<std::string>> SetupService::PrepareToken() {
  auto needed = Needed();
  if (!needed) return std::unexpected(needed.error());
  if (!*needed) return std::optional<std::string>{};
  std::string token = RandomHex(16);
  if (auto ok = settings_.Put(kTokenKey, HashToken(token), clock_.Now()); !ok) {
    return std::unexpected(ok.error());
  }
  return std::optional<std::string>{std::move(token)};
}

Result<User> SetupService::Complete(std::string_view token, NewAccount account) {
  auto needed = Needed();
  if (!needed) return std::unexpected(needed.error());
  if (!*needed) return AlreadyDone();
  auto stored = settings_.Get(kTokenKey);
  if (!stored) return std::unexpected(stored.error());
  if (!*stored || !ConstantTimeEquals((*stored)->value, HashToken(token))) {
    return Fail(ErrorCode::kPermissionDenied,
                "That setup token is not right. Copy it again from the server log.",
                {{"token", "does not match the one in the server log"}});
  }
  // The claim: exactly one request gets past this line.
  auto claimed = settings_.PutIfAbsent(kCompletedKey, "claimed", clock_.Now());
  if (!claimed) return std::unexpected(claimed.error());
  if (!*claimed) return AlreadyDone();
  account.role = Role::kPractitioner;
  auto user = accounts_.CreateAccount(account);
  if (!user) {
    // Give the claim back so the practitioner can correct the form.
    (void)settings_.Remove(kCompletedKey);
    return std::unexpected(user.error());
  }
  (void)settings_.Remove(kTokenKey);
  return user;
}

}  // namespace securebase::domain
