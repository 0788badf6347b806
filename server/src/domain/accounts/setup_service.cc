#include "domain/accounts/setup_service.h"

#include <string>
#include <string_view>

#include "common/random.h"
#include "common/token_hash.h"

namespace securebase::domain {
namespace {

// One key per token: "setup.token.<start of its hash>" holding the whole hash.
constexpr std::string_view kTokenKeyPrefix = "setup.token.";
constexpr std::size_t kTokenKeyHexChars = 20;

std::string TokenKey(const std::string& token_hash) {
  return std::string(kTokenKeyPrefix) + token_hash.substr(0, kTokenKeyHexChars);
}

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
  const std::string hash = HashToken(token);
  if (auto ok = settings_.Put(TokenKey(hash), hash, clock_.Now()); !ok) {
    return std::unexpected(ok.error());
  }
  return std::optional<std::string>{std::move(token)};
}

Result<User> SetupService::Complete(std::string_view token, NewAccount account) {
  auto needed = Needed();
  if (!needed) return std::unexpected(needed.error());
  if (!*needed) return AlreadyDone();
  const std::string hash = HashToken(token);
  auto stored = settings_.Get(TokenKey(hash));
  if (!stored) return std::unexpected(stored.error());
  if (!*stored || !ConstantTimeEquals((*stored)->value, hash)) {
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
  // Other instances' tokens stay behind, harmless: setup is no longer needed.
  (void)settings_.Remove(TokenKey(hash));
  return user;
}

}  // namespace securebase::domain
