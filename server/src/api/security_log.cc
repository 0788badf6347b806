#include "api/security_log.h"

#include "common/log.h"
#include "domain/accounts/login.h"

namespace securebase::api {

void SecurityLog::Record(domain::SecurityEvent event, std::string_view account_id) {
  const LogLevel level = domain::IsRefusal(event) ? LogLevel::kWarn : LogLevel::kInfo;
  if (account_id.empty()) {
    Log(level, domain::SecurityEventName(event), {{"route", route_}, {"request_id", request_id_}});
  } else {
    Log(level, domain::SecurityEventName(event),
        {{"account_id", account_id}, {"route", route_}, {"request_id", request_id_}});
  }
}

void SecurityLog::RecordWrongCredentials(const Error& refusal, std::string_view account_id) {
  if (domain::Login::IsWrongPasswordAgain(refusal)) {
    Record(domain::SecurityEvent::kPasswordAgainWrong, account_id);
  } else if (refusal.type == "invalid-code") {
    Record(domain::SecurityEvent::kMfaCodeWrong, account_id);
  }
}

}  // namespace securebase::api
