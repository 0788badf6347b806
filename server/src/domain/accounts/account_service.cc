#include "domain/accounts/account_service.h"

#include "common/random.h"
#include "domain/accounts/account_rules.h"
#include "domain/safety/crisis_lines.h"

namespace securebase::domain {

Result<User> AccountService::CreateAccount(const NewAccount& input) {
  User user;
  std::vector<FieldError> problems;
  const auto collect = [&](const Error& e) {
    problems.insert(problems.end(), e.fields.begin(), e.fields.end());
  };
  if (auto email = NormalizeEmail(input.email))
    user.email = *email;
  else
    collect(email.error());
  if (auto ok = CheckNewPassword(input.password); !ok) collect(ok.error());
  if (auto name = NormalizeDisplayName(input.display_name))
    user.display_name = *name;
  else
    collect(name.error());
  if (auto ok = CheckTimeZone(input.time_zone); !ok) collect(ok.error());
  if (auto country = NormalizeCountryCode(input.country))
    user.country = *country;
  else
    collect(country.error());
  if (!problems.empty()) {
    return InvalidArgument(
        problems.size() == 1 ? "Please check one detail." : "Please check these details.",
        std::move(problems));
  }
  auto hash = hasher_.Hash(input.password);
  if (!hash) return std::unexpected(hash.error());
  user.id = NewId();
  user.password_hash = std::move(*hash);
  user.role = input.role;
  user.time_zone = input.time_zone;
  user.created_at = user.updated_at = clock_.Now();
  if (input.email_verified) user.email_verified_at = user.created_at;
  if (auto ok = users_.Create(user); !ok) {
    if (ok.error().code == ErrorCode::kConflict) {
      return Fail(ErrorCode::kConflict, "An account with that email already exists.",
                  {{"email", "is already registered"}});
    }
    return std::unexpected(ok.error());
  }
  return user;
}

}  // namespace securebase::domain
