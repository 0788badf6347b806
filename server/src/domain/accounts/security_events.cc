#include "domain/accounts/security_events.h"

namespace securebase::domain {

const char* SecurityEventName(SecurityEvent event) {
  switch (event) {
    case SecurityEvent::kLoginFailed: return "security.login_failed";
    case SecurityEvent::kLoginThrottled: return "security.login_throttled";
    case SecurityEvent::kSessionReplaced: return "security.session_replaced";
    case SecurityEvent::kMfaCodeWrong: return "security.mfa_code_wrong";
    case SecurityEvent::kMfaThrottled: return "security.mfa_throttled";
    case SecurityEvent::kRecoveryCodeUsed: return "security.recovery_code_used";
    case SecurityEvent::kMfaEnabled: return "security.mfa_enabled";
    case SecurityEvent::kPasswordChanged: return "security.password_changed";
    case SecurityEvent::kPasswordReset: return "security.password_reset";
    case SecurityEvent::kEmailChanged: return "security.email_changed";
    case SecurityEvent::kSessionsRevoked: return "security.sessions_revoked";
    case SecurityEvent::kAccountDeleted: return "security.account_deleted";
    case SecurityEvent::kRecoveryCodesRenewed: return "security.recovery_codes_renewed";
    case SecurityEvent::kMfaReset: return "security.mfa_reset";
    case SecurityEvent::kPasswordAgainWrong: return "security.password_again_wrong";
    case SecurityEvent::kCsrfRefused: return "security.csrf_refused";
  }
  return "security.unknown";
}

bool IsRefusal(SecurityEvent event) {
  switch (event) {
    case SecurityEvent::kLoginFailed:
    case SecurityEvent::kLoginThrottled:
    case SecurityEvent::kMfaCodeWrong:
    case SecurityEvent::kMfaThrottled:
    case SecurityEvent::kPasswordAgainWrong:
    case SecurityEvent::kCsrfRefused: return true;
    default: return false;
  }
}

SecurityEvents& IgnoredSecurityEvents() {
  class Ignored final : public SecurityEvents {
   public:
    void Record(SecurityEvent, std::string_view) override {}
  };
  static Ignored ignored;
  return ignored;
}

}  // namespace securebase::domain
