#include "api/session_cookies.h"

#include "http/set_cookie.h"

namespace securebase::api {

std::string_view SessionCookieName(const WebSecurity& web) {
  return web.tls ? "__Host-sb_session" : "sb_session";
}

std::string SessionCookie(const WebSecurity& web, std::string_view token,
                          std::chrono::minutes lifetime) {
  return http::SetCookie(SessionCookieName(web), token,
                         {.http_only = true,
                          .secure = web.tls,
                          .same_site = "Lax",
                          .max_age_seconds = static_cast<long>(
                              std::chrono::duration_cast<std::chrono::seconds>(lifetime).count())});
}

std::string ClearedSessionCookie(const WebSecurity& web) {
  return http::SetCookie(
      SessionCookieName(web), "",
      {.http_only = true, .secure = web.tls, .same_site = "Lax", .max_age_seconds = 0});
}

std::string CsrfCookie(const WebSecurity& web, std::string_view value) {
  // Lives as long as the browser keeps it; a new one costs nothing.
  return http::SetCookie(kCsrfCookie, value,
                         {.http_only = false,
                          .secure = web.tls,
                          .same_site = "Strict",
                          .max_age_seconds = 60L * 60 * 24 * 400});
}

http::Response SignedOut(const WebSecurity& web) {
  http::Response res = http::NoContent();
  res.insert(boost::beast::http::field::set_cookie, ClearedSessionCookie(web));
  res.set("Clear-Site-Data", "\"cache\", \"cookies\"");
  return res;
}

}  // namespace securebase::api
