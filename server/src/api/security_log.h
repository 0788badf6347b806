// SecurityLog: one request's security events (domain/accounts/security_events.h)
// written as log lines through the one Log():
//   {"level":"warn","event":"security.login_failed","account_id":"…",
//    "route":"/api/v1/auth/login","request_id":"…"}
//
// A handler makes one for its request, records what its own result shows,
// and hands it to the domain calls that can tell which account an event was
// about. The request id ties the event to the request line (and to the
// X-Request-Id the person saw); the route is the pattern, never the raw path.
//
// Thread-safety: belongs to one request. Record may run on a pool thread
// while the request waits for it; it holds copies, not references.
#pragma once

#include <string>
#include <string_view>

#include "common/error.h"
#include "domain/accounts/security_events.h"
#include "http/request.h"

namespace securebase::api {

class SecurityLog final : public domain::SecurityEvents {
 public:
  explicit SecurityLog(const http::Request& req) : route_(req.route), request_id_(req.request_id) {}

  void Record(domain::SecurityEvent event, std::string_view account_id) override;

  // For a route that asks a signed-in person for their password again (and,
  // to delete the account, a two-factor code): when `refusal` is a wrong
  // password (domain::Login::IsWrongPasswordAgain), records
  // security.password_again_wrong for `account_id`; a wrong code,
  // security.mfa_code_wrong; anything else (other bad input, a wait),
  // nothing.
  void RecordWrongCredentials(const Error& refusal, std::string_view account_id);

 private:
  std::string route_;
  std::string request_id_;
};

}  // namespace securebase::api
