// A person with an account: a learner, the practitioner who runs the site, or
// an admin (the operator). Ids are random text made by the server, never
// sequential, so they reveal nothing and need no database sequence.
//
// Thread-safety: plain values.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/error.h"

namespace securebase::domain {

enum class Role { kLearner, kPractitioner, kAdmin };

const char* RoleName(Role role);  // "learner" | "practitioner" | "admin"
Result<Role> ParseRole(std::string_view name);

struct User {
  std::string id;
  std::string email;  // normalized (NormalizeEmail)
  std::string display_name;
  std::string password_hash;  // argon2id, encoded with its parameters
  Role role = Role::kLearner;
  std::string time_zone;  // IANA name, e.g. "Europe/London"
  std::string country;    // ISO 3166-1 alpha-2
  std::optional<Instant> email_verified_at;
  Instant created_at;
  Instant updated_at;
};

}  // namespace securebase::domain
