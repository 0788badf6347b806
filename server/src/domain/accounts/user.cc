#include "domain/accounts/user.h"

namespace securebase::domain {

const char* RoleName(Role role) {
  switch (role) {
    case Role::kLearner: return "learner";
    case Role::kPractitioner: return "practitioner";
    case Role::kAdmin: return "admin";
  }
  return "learner";
}

Result<Role> ParseRole(std::string_view name) {
  if (name == "learner") return Role::kLearner;
  if (name == "practitioner") return Role::kPractitioner;
  if (name == "admin") return Role::kAdmin;
  return InvalidArgument("A role is learner, practitioner or admin.",
                         {{"role", "must be learner, practitioner or admin"}});
}

}  // namespace securebase::domain
