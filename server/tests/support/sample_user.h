// A valid account for tests that need one to hang rows on (the SQL tables
// refer to users). Every call makes a new id and email.
#pragma once

#include "common/clock.h"
#include "common/random.h"
#include "domain/accounts/user.h"

namespace securebase::testing {

inline domain::User SampleUser(domain::Role role = domain::Role::kLearner,
                               Instant created = Instant{1'700'000'000'000}) {
  domain::User u;
  u.id = NewId();
  u.email = u.id + "@example.org";
  u.display_name = "Sam";
  u.password_hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";
  u.role = role;
  u.time_zone = "Europe/London";
  u.country = "GB";
  u.created_at = u.updated_at = created;
  return u;
}

}  // namespace securebase::testing
