// The two cookies the API sets, and their attributes in one place:
//
//   sb_session  the session token: HttpOnly, SameSite=Lax, Path=/; under TLS
//               Secure and named __Host-sb_session (which browsers accept
//               only when Secure, host-only and Path=/).
//   csrf        a random value the page reads and echoes in X-CSRF-Token on
//               every state-changing request (double submit): SameSite=Strict,
//               readable by scripts, Secure under TLS.
//
// Thread-safety: pure functions.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "api/api_context.h"
#include "http/response.h"

namespace securebase::api {

inline constexpr std::string_view kCsrfCookie = "csrf";
inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

std::string_view SessionCookieName(const WebSecurity& web);
std::string SessionCookie(const WebSecurity& web, std::string_view token,
                          std::chrono::minutes lifetime);
std::string ClearedSessionCookie(const WebSecurity& web);
std::string CsrfCookie(const WebSecurity& web, std::string_view value);

// The answer once a browser's session is over (log-out, a deleted account):
// 204, the cookie cleared, and Clear-Site-Data for cookies and the HTTP
// cache. Not "storage": that would also remove the service worker, and with
// it the offline "help now" page someone may need next; the app removes its
// own personal keys from storage itself.
http::Response SignedOut(const WebSecurity& web);

}  // namespace securebase::api
