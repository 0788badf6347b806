#include "http/security_headers.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace securebase::http {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string Header(const Response& res, std::string_view name) {
  const auto it = res.find(name);
  return it == res.end() ? std::string() : std::string(it->value());
}

TEST(SecurityHeaders, EveryResponseGetsTheFullSet) {
  Response res{beast_http::status::ok, 11};
  AddSecurityHeaders(res, {});
  const std::string csp = Header(res, "Content-Security-Policy");
  EXPECT_THAT(csp, HasSubstr("default-src 'self'"));
  EXPECT_THAT(csp, HasSubstr("script-src 'self'"));
  EXPECT_THAT(csp, HasSubstr("object-src 'none'"));
  EXPECT_THAT(csp, HasSubstr("base-uri 'none'"));
  EXPECT_THAT(csp, HasSubstr("frame-ancestors 'none'"));
  EXPECT_THAT(csp, Not(HasSubstr("unsafe-inline")));
  EXPECT_THAT(csp, Not(HasSubstr("unsafe-eval")));
  EXPECT_THAT(csp, Not(HasSubstr("*")));
  EXPECT_EQ(Header(res, "X-Frame-Options"), "DENY");
  EXPECT_EQ(Header(res, "X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(Header(res, "Referrer-Policy"), "no-referrer");
  const std::string permissions = Header(res, "Permissions-Policy");
  EXPECT_THAT(permissions, HasSubstr("camera=()"));
  EXPECT_THAT(permissions, HasSubstr("microphone=()"));
  EXPECT_THAT(permissions, HasSubstr("geolocation=()"));
  EXPECT_THAT(permissions, HasSubstr("screen-wake-lock=(self)"));
  EXPECT_EQ(Header(res, "Cross-Origin-Opener-Policy"), "same-origin");
  EXPECT_EQ(Header(res, "Cross-Origin-Resource-Policy"), "same-origin");
}

TEST(SecurityHeaders, HstsOnlyWhenEnabled) {
  Response plain{beast_http::status::ok, 11};
  AddSecurityHeaders(plain, SecurityHeaderOptions{.hsts = false});
  EXPECT_EQ(plain.count("Strict-Transport-Security"), 0u);

  Response tls{beast_http::status::ok, 11};
  AddSecurityHeaders(tls, SecurityHeaderOptions{.hsts = true});
  EXPECT_EQ(Header(tls, "Strict-Transport-Security"), "max-age=31536000; includeSubDomains");
}

TEST(SecurityHeaders, ApplyingTwiceDoesNotDuplicateAndKeepsOtherHeaders) {
  Response res{beast_http::status::not_found, 11};
  res.set(beast_http::field::content_type, "application/problem+json");
  res.set("X-Frame-Options", "SAMEORIGIN");  // overridden, never doubled
  AddSecurityHeaders(res, {.hsts = true});
  AddSecurityHeaders(res, {.hsts = true});
  EXPECT_EQ(res.count("X-Frame-Options"), 1u);
  EXPECT_EQ(Header(res, "X-Frame-Options"), "DENY");
  EXPECT_EQ(res.count("Content-Security-Policy"), 1u);
  EXPECT_EQ(res.count("Strict-Transport-Security"), 1u);
  EXPECT_EQ(Header(res, "Content-Type"), "application/problem+json");
  EXPECT_EQ(res.result(), beast_http::status::not_found);
}

}  // namespace
}  // namespace securebase::http
