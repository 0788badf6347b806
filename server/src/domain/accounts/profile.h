// Profile: the parts of an account a person changes freely — display name,
// time zone, country — each checked by the account rules.
//
// Thread-safety: stateless apart from its references; safe from any thread.
#pragma once

#include <optional>
#include <string>

#include "domain/accounts/account_parts.h"

namespace securebase::domain {

struct ProfileChanges {
  std::optional<std::string> display_name;
  std::optional<std::string> time_zone;
  std::optional<std::string> country;
};

Result<User> UpdateProfile(const AccountParts& parts, std::string_view user_id,
                           const ProfileChanges& changes);

}  // namespace securebase::domain
