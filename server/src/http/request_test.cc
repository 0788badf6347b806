#include "http/request.h"

#include <gtest/gtest.h>

#include "http/set_cookie.h"

namespace securebase::http {
namespace {

Request WithCookies(std::initializer_list<std::string_view> headers) {
  Request req;
  for (auto h : headers) req.message.insert(beast_http::field::cookie, h);
  return req;
}

TEST(RequestCookie, FindsANamedCookieAmongOthers) {
  const Request req = WithCookies({"a=1; sb_session=abc123;csrf= xyz "});
  EXPECT_EQ(req.Cookie("sb_session"), "abc123");
  EXPECT_EQ(req.Cookie("csrf"), "xyz");
  EXPECT_EQ(req.Cookie("a"), "1");
  EXPECT_FALSE(req.Cookie("missing"));
}

TEST(RequestCookie, NamesMatchExactly) {
  const Request req = WithCookies({"xsb_session=1; sb_session_old=2"});
  EXPECT_FALSE(req.Cookie("sb_session"));
}

TEST(RequestCookie, ReadsEveryCookieHeaderAndStripsQuotes) {
  const Request req = WithCookies({"a=1", "b=\"two\""});
  EXPECT_EQ(req.Cookie("b"), "two");
}

TEST(RequestCookie, IgnoresMalformedParts) {
  const Request req = WithCookies({";;novalue; =x; c=3"});
  EXPECT_EQ(req.Cookie("c"), "3");
  EXPECT_FALSE(req.Cookie("novalue"));
}

TEST(SetCookie, WritesTheAttributesAskedFor) {
  EXPECT_EQ(SetCookie("sb_session", "t", {.http_only = true, .secure = true, .same_site = "Lax",
                                            .max_age_seconds = 60}),
            "sb_session=t; Path=/; Max-Age=60; HttpOnly; Secure; SameSite=Lax");
  EXPECT_EQ(SetCookie("csrf", "v", {.http_only = false, .secure = false, .same_site = "Strict"}),
            "csrf=v; Path=/; SameSite=Strict");
  EXPECT_EQ(SetCookie("x", "", {.max_age_seconds = 0}), "x=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
}

}  // namespace
}  // namespace securebase::http
