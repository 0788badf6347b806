#include "api/me_json.h"

namespace securebase::api {

boost::json::object EncodeMe(const domain::User& user, const domain::TwoFactorStatus& two_factor,
                             domain::TwoFactorState session_state) {
  const bool required = user.role != domain::Role::kLearner || two_factor.enrolled;
  boost::json::object tf{{"enrolled", two_factor.enrolled},
                         {"required", required},
                         {"passed", session_state == domain::TwoFactorState::kPassed}};
  if (two_factor.enrolled) tf["recovery_codes_left"] = two_factor.recovery_codes_left;
  return {{"id", user.id},
          {"email", user.email},
          {"display_name", user.display_name},
          {"role", domain::RoleName(user.role)},
          {"time_zone", user.time_zone},
          {"country", user.country},
          {"email_verified", user.email_verified_at.has_value()},
          {"two_factor", std::move(tf)}};
}

}  // namespace securebase::api
