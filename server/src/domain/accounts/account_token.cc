#include "domain/accounts/account_token.h"

namespace securebase::domain {

const char* TokenPurposeName(TokenPurpose purpose) {
  switch (purpose) {
    case TokenPurpose::kVerifyEmail: return "verify-email";
    case TokenPurpose::kResetPassword: return "reset-password";
    case TokenPurpose::kChangeEmail: return "change-email";
  }
  return "verify-email";
}

std::chrono::minutes TokenLifetime(TokenPurpose purpose) {
  using namespace std::chrono;
  switch (purpose) {
    case TokenPurpose::kVerifyEmail: return hours(24);
    case TokenPurpose::kResetPassword: return hours(1);
    case TokenPurpose::kChangeEmail: return hours(24);
  }
  return hours(1);
}

}  // namespace securebase::domain
