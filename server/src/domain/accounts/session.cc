#include "domain/accounts/session.h"

namespace securebase::domain {

const char* TwoFactorStateName(TwoFactorState state) {
  switch (state) {
    case TwoFactorState::kNotRequired: return "not-required";
    case TwoFactorState::kPending: return "pending";
    case TwoFactorState::kEnrollmentRequired: return "enrollment-required";
    case TwoFactorState::kPassed: return "passed";
  }
  return "pending";
}

Result<TwoFactorState> ParseTwoFactorState(std::string_view name) {
  for (auto s : {TwoFactorState::kNotRequired, TwoFactorState::kPending,
                 TwoFactorState::kEnrollmentRequired, TwoFactorState::kPassed}) {
    if (name == TwoFactorStateName(s)) return s;
  }
  return Internal("A stored session has an unknown two-factor state.");
}

}  // namespace securebase::domain
