#include "api/session_cookies.h"

#include <gtest/gtest.h>

namespace securebase::api {
namespace {

TEST(SessionCookies, OverTlsTheSessionCookieIsHostOnlyAndSecure) {
  WebSecurity tls;
  tls.tls = true;
  EXPECT_EQ(SessionCookieName(tls), "__Host-sb_session");
  EXPECT_EQ(SessionCookie(tls, "abc", std::chrono::hours(12)),
            "__Host-sb_session=abc; Path=/; Max-Age=43200; HttpOnly; Secure; SameSite=Lax");
  EXPECT_EQ(ClearedSessionCookie(tls),
            "__Host-sb_session=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax");
  EXPECT_NE(CsrfCookie(tls, "v").find("; Secure; SameSite=Strict"), std::string::npos);
}

TEST(SessionCookies, OverPlainHttpTheyCannotBeSecure) {
  const WebSecurity plain;
  EXPECT_EQ(SessionCookieName(plain), "sb_session");
  const std::string cookie = SessionCookie(plain, "abc", std::chrono::minutes(30));
  EXPECT_EQ(cookie, "sb_session=abc; Path=/; Max-Age=1800; HttpOnly; SameSite=Lax");
  const std::string csrf = CsrfCookie(plain, "v");
  EXPECT_EQ(csrf.find("HttpOnly"), std::string::npos) << "the page must read it";
  EXPECT_EQ(csrf.find("Secure"), std::string::npos);
}

}  // namespace
}  // namespace securebase::api
