#include "domain/accounts/profile.h"

#include "domain/accounts/account_rules.h"
#include "domain/safety/crisis_lines.h"

namespace securebase::domain {

Result<User> UpdateProfile(const AccountParts& parts, std::string_view user_id,
                           const ProfileChanges& changes) {
  auto found = parts.users.FindById(user_id);
  if (!found) return std::unexpected(found.error());
  if (!*found) return Fail(ErrorCode::kUnauthenticated, "Please log in again.");
  User user = std::move(**found);
  std::vector<FieldError> problems;
  const auto collect = [&](const Error& e) {
    problems.insert(problems.end(), e.fields.begin(), e.fields.end());
  };
  if (changes.display_name) {
    if (auto name = NormalizeDisplayName(*changes.display_name))
      user.display_name = *name;
    else
      collect(name.error());
  }
  if (changes.time_zone) {
    if (auto ok = CheckTimeZone(*changes.time_zone))
      user.time_zone = *changes.time_zone;
    else
      collect(ok.error());
  }
  if (changes.country) {
    if (auto country = NormalizeCountryCode(*changes.country))
      user.country = *country;
    else
      collect(country.error());
  }
  if (!problems.empty()) {
    return InvalidArgument(
        problems.size() == 1 ? "Please check one detail." : "Please check these details.",
        std::move(problems));
  }
  user.updated_at = parts.clock.Now();
  if (auto ok = parts.users.Update(user); !ok) return std::unexpected(ok.error());
  return user;
}

}  // namespace securebase::domain
