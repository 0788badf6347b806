// Who may call what: every route of the real route table, called as nobody,
// as a learner, as a practitioner who still owes a two-factor code, and as a
// practitioner after two-factor; each answer is checked against the access
// the route declares. A new route is covered the moment it is added.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <optional>
#include <regex>

#include "api/access_guard.h"
#include "api/routes.h"
#include "api/session_cookies.h"
#include "support/api_world.h"
#include "support/route_call.h"

namespace securebase::api {
namespace {

namespace asio = boost::asio;
using boost::beast::http::field;
using boost::beast::http::verb;
using domain::Role;
using domain::TwoFactorState;

enum class Who { kAnonymous, kLearner, kPractitionerOwingCode, kPractitioner };

const char* Name(Who who) {
  switch (who) {
    case Who::kAnonymous: return "anonymous";
    case Who::kLearner: return "learner";
    case Who::kPractitionerOwingCode: return "practitioner owing a code";
    case Who::kPractitioner: return "practitioner";
  }
  return "?";
}

// The refusals the guard gives; anything else means the handler ran.
const std::set<std::string> kGuardRefusals = {
    "urn:securebase:problem:unauthenticated", "urn:securebase:problem:two-factor-required",
    "urn:securebase:problem:permission-denied", "urn:securebase:problem:csrf-failed"};

std::string ProblemType(const http::Response& res) {
  boost::system::error_code ec;
  const auto v = boost::json::parse(res.body(), ec);
  if (ec || !v.is_object() || !v.as_object().contains("type")) return {};
  return std::string(v.at("type").as_string());
}

class AccessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitRandom());
    AddRoutes(router_, ctx_);
    learner_ = w_.AddUser("learner@example.org");
    practitioner_ = w_.AddUser("practitioner@example.org", Role::kPractitioner);
  }

  http::Response Call(const http::Route& route, http::Request req) {
    return testing::CallRoute(route, std::move(req));
  }

  // A request as a browser of `who` would send it, with a fresh session.
  http::Request RequestAs(const http::Route& route, Who who, bool with_csrf = true) {
    http::Request req;
    req.message.method(route.method);
    req.path = std::regex_replace(route.pattern, std::regex("\\{[a-z_]+\\}"), "x");
    req.message.target(req.path);
    req.remote_address = "203.0.113.5";
    std::string cookies;
    const std::string csrf = std::string(64, 'c');
    if (with_csrf) {
      cookies = std::string(kCsrfCookie) + "=" + csrf;
      req.message.set(kCsrfHeader, csrf);
    }
    if (who != Who::kAnonymous) {
      const domain::User& user = who == Who::kLearner ? learner_ : practitioner_;
      const TwoFactorState state = who == Who::kLearner        ? TwoFactorState::kNotRequired
                                   : who == Who::kPractitioner ? TwoFactorState::kPassed
                                                               : TwoFactorState::kPending;
      auto started = w_.sessions.Start(user, state);
      cookies += (cookies.empty() ? "" : "; ") + std::string(SessionCookieName(ctx_.web)) + "=" +
                 started->token;
    }
    if (!cookies.empty()) req.message.set(field::cookie, cookies);
    if (route.method != verb::get) {
      req.message.set(field::content_type, "application/json");
      req.message.body() = "{}";
    }
    return req;
  }

  // What the guard should answer, or "" when the handler should run.
  static std::string Expected(http::Access access, Who who) {
    using http::Access;
    if (access == Access::kPublic) return "";
    if (who == Who::kAnonymous) return "urn:securebase:problem:unauthenticated";
    if (access == Access::kSignedIn) return "";
    if (who == Who::kPractitionerOwingCode) return "urn:securebase:problem:two-factor-required";
    if (access == Access::kPractitioner && who == Who::kLearner)
      return "urn:securebase:problem:permission-denied";
    return "";
  }

  testing::ApiWorld world_{WebSecurity{false, "https://care.example.org", false}};
  testing::AccountWorld& w_ = world_.w;
  ApiContext& ctx_ = world_.ctx;
  http::Router router_;
  domain::User learner_;
  domain::User practitioner_;
};

TEST_F(AccessTest, EveryRouteAnswersEachCallerAsItsAccessDeclares) {
  ASSERT_GT(router_.routes().size(), 20u);
  for (const auto& route : router_.routes()) {
    for (Who who :
         {Who::kAnonymous, Who::kLearner, Who::kPractitionerOwingCode, Who::kPractitioner}) {
      const http::Response res = Call(route, RequestAs(route, who));
      const std::string type = ProblemType(res);
      const std::string expected = Expected(route.access, who);
      const std::string where = std::string(boost::beast::http::to_string(route.method)) + " " +
                                route.pattern + " (" + http::AccessName(route.access) + ") as " +
                                Name(who) + " → " + std::to_string(res.result_int()) + " " + type;
      if (expected.empty()) {
        EXPECT_FALSE(kGuardRefusals.contains(type)) << where;
      } else {
        EXPECT_EQ(type, expected) << where;
      }
    }
  }
}

TEST_F(AccessTest, EveryStateChangingRouteRefusesARequestWithoutTheCsrfToken) {
  int checked = 0;
  for (const auto& route : router_.routes()) {
    if (route.method == verb::get) continue;
    ++checked;
    for (Who who : {Who::kAnonymous, Who::kLearner}) {
      const http::Response res = Call(route, RequestAs(route, who, /*with_csrf=*/false));
      EXPECT_EQ(ProblemType(res), "urn:securebase:problem:csrf-failed") << route.pattern;
      EXPECT_EQ(res.result_int(), 403) << route.pattern;
    }
  }
  EXPECT_GT(checked, 10);
}

TEST_F(AccessTest, ACrossSiteOriginIsRefusedEvenWithTheToken) {
  const auto& route = *std::find_if(
      router_.routes().begin(), router_.routes().end(),
      [](const http::Route& r) { return r.pattern == "/api/v1/auth/password/forgot"; });
  for (const char* origin :
       {"https://evil.example", "null", "https://care.example.org.evil.example", "care.example.org",
        "https://care.example.org:8443"}) {
    http::Request req = RequestAs(route, Who::kAnonymous);
    req.message.set(field::origin, origin);
    req.message.set(field::host, "care.example.org");
    EXPECT_EQ(ProblemType(Call(route, std::move(req))), "urn:securebase:problem:csrf-failed")
        << origin;
  }
  http::Request ours = RequestAs(route, Who::kAnonymous);
  ours.message.set(field::origin, "https://care.example.org");
  EXPECT_EQ(Call(route, std::move(ours)).result_int(), 400);  // the handler ran: "{}" has no email
}

TEST_F(AccessTest, PractitionerRoutesRefuseLearnersAndSessionsOwingACode) {
  // No practitioner route exists yet in the table (the console comes with
  // later issues); the guard's rule is checked on one made for the test.
  http::Route route =
      Guarded(ctx_, http::Route{verb::get, "/api/v1/console/test", http::Access::kPractitioner,
                                [](http::Request&) -> asio::awaitable<http::Response> {
                                  http::Response res;
                                  res.result(200);
                                  co_return res;
                                }});
  EXPECT_EQ(Call(route, RequestAs(route, Who::kAnonymous)).result_int(), 401);
  EXPECT_EQ(ProblemType(Call(route, RequestAs(route, Who::kLearner))),
            "urn:securebase:problem:permission-denied");
  EXPECT_EQ(ProblemType(Call(route, RequestAs(route, Who::kPractitionerOwingCode))),
            "urn:securebase:problem:two-factor-required");
  EXPECT_EQ(Call(route, RequestAs(route, Who::kPractitioner)).result_int(), 200);
}

TEST_F(AccessTest, AnEndedSessionIsToldToForgetItsCookie) {
  const auto& route = *std::find_if(
      router_.routes().begin(), router_.routes().end(),
      [](const http::Route& r) { return r.pattern == "/api/v1/me" && r.method == verb::get; });
  http::Request req = RequestAs(route, Who::kLearner);
  ASSERT_TRUE(w_.sessions.EndAllFor(learner_.id));
  const http::Response res = Call(route, std::move(req));
  EXPECT_EQ(res.result_int(), 401);
  bool cleared = false;
  for (const auto& f : res) {
    if (f.name() == field::set_cookie && f.value().starts_with("sb_session=;"))
      cleared = f.value().find("Max-Age=0") != std::string::npos;
  }
  EXPECT_TRUE(cleared);
}

}  // namespace
}  // namespace securebase::api
