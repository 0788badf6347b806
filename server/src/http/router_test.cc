#include "http/router.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace securebase::http {
namespace {

using beast_http::verb;

Route R(verb method, std::string pattern, Access access = Access::kPublic) {
  Route r;
  r.method = method;
  r.pattern = std::move(pattern);
  r.access = access;
  return r;
}

TEST(Router, MatchesLiteralPaths) {
  Router router;
  router.Add(R(verb::get, "/healthz"));
  router.Add(R(verb::get, "/readyz"));
  const auto m = router.Match(verb::get, "/readyz");
  ASSERT_TRUE(m.has_value());
  ASSERT_NE(m->route, nullptr);
  EXPECT_EQ(m->route->pattern, "/readyz");
  EXPECT_TRUE(m->params.empty());
  EXPECT_FALSE(router.Match(verb::get, "/metrics").has_value());
  EXPECT_FALSE(router.Match(verb::get, "/healthz/extra").has_value());
  EXPECT_FALSE(router.Match(verb::get, "/health").has_value());
}

TEST(Router, MatchesPathParameters) {
  Router router;
  router.Add(R(verb::put, "/api/v1/lessons/{id}/progress"));
  router.Add(R(verb::get, "/api/v1/courses/{course}/lessons/{lesson}"));

  const auto one = router.Match(verb::put, "/api/v1/lessons/the-secure-base/progress");
  ASSERT_TRUE(one.has_value());
  EXPECT_EQ(one->route->pattern, "/api/v1/lessons/{id}/progress");
  ASSERT_EQ(one->params.size(), 1u);
  EXPECT_EQ(one->params[0].first, "id");
  EXPECT_EQ(one->params[0].second, "the-secure-base");

  const auto two = router.Match(verb::get, "/api/v1/courses/heal/lessons/l-7");
  ASSERT_TRUE(two.has_value());
  ASSERT_EQ(two->params.size(), 2u);
  EXPECT_EQ(two->params[0], (std::pair<std::string, std::string>{"course", "heal"}));
  EXPECT_EQ(two->params[1], (std::pair<std::string, std::string>{"lesson", "l-7"}));
}

TEST(Router, ParametersMatchExactlyOneSegment) {
  Router router;
  router.Add(R(verb::get, "/api/v1/lessons/{id}/progress"));
  for (const char* path :
       {"/api/v1/lessons/progress", "/api/v1/lessons/a/b/progress", "/api/v1/lessons/a",
        "/api/v1/lesson/a/progress", "/api/v1/lessons/a/progres"}) {
    NoMatch why;
    EXPECT_FALSE(router.Match(verb::get, path, &why).has_value()) << path;
    EXPECT_FALSE(why.path_known) << path;
    EXPECT_EQ(why.allow, "") << path;
  }
}

TEST(Router, TrailingSlashIsIgnored) {
  Router router;
  router.Add(R(verb::get, "/api/v1/lessons/{id}"));
  router.Add(R(verb::get, "/"));
  const auto m = router.Match(verb::get, "/api/v1/lessons/a/");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->params[0].second, "a");
  const auto root = router.Match(verb::get, "/");
  ASSERT_TRUE(root.has_value());
  EXPECT_EQ(root->route->pattern, "/");
}

TEST(Router, WrongMethodOnAKnownPathGivesAllowWithHead) {
  Router router;
  router.Add(R(verb::get, "/api/v1/things"));
  router.Add(R(verb::post, "/api/v1/things"));
  router.Add(R(verb::delete_, "/api/v1/things/{id}"));
  router.Add(R(verb::get, "/api/v1/other"));

  NoMatch why;
  EXPECT_FALSE(router.Match(verb::put, "/api/v1/things", &why).has_value());
  EXPECT_TRUE(why.path_known);
  EXPECT_EQ(why.allow, "GET, HEAD, POST");

  NoMatch why_item;
  EXPECT_FALSE(router.Match(verb::get, "/api/v1/things/7", &why_item).has_value());
  EXPECT_TRUE(why_item.path_known);
  EXPECT_EQ(why_item.allow, "DELETE");

  // Without a NoMatch to fill, a miss is still just a miss.
  EXPECT_FALSE(router.Match(verb::patch, "/api/v1/things").has_value());
}

TEST(Router, HeadIsServedByTheGetRoute) {
  Router router;
  router.Add(R(verb::get, "/healthz"));
  router.Add(R(verb::post, "/api/v1/login"));
  const auto m = router.Match(verb::head, "/healthz");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->route->method, verb::get);

  NoMatch why;
  EXPECT_FALSE(router.Match(verb::head, "/api/v1/login", &why).has_value());
  EXPECT_TRUE(why.path_known);
  EXPECT_EQ(why.allow, "POST");
}

TEST(Router, SamePatternWithAnotherMethodIsADifferentRoute) {
  Router router;
  router.Add(R(verb::get, "/api/v1/me"));
  router.Add(R(verb::patch, "/api/v1/me", Access::kLearner));
  const auto get = router.Match(verb::get, "/api/v1/me");
  const auto patch = router.Match(verb::patch, "/api/v1/me");
  ASSERT_TRUE(get && patch);
  EXPECT_EQ(get->route->access, Access::kPublic);
  EXPECT_EQ(patch->route->access, Access::kLearner);
  EXPECT_EQ(router.routes().size(), 2u);
}

TEST(Router, DuplicateRouteThrows) {
  Router router;
  router.Add(R(verb::get, "/api/v1/me"));
  EXPECT_THROW(router.Add(R(verb::get, "/api/v1/me")), std::logic_error);
  EXPECT_EQ(router.routes().size(), 1u);
}

TEST(Router, AccessNames) {
  EXPECT_STREQ(AccessName(Access::kPublic), "public");
  EXPECT_STREQ(AccessName(Access::kSignedIn), "signed-in");
  EXPECT_STREQ(AccessName(Access::kLearner), "learner");
  EXPECT_STREQ(AccessName(Access::kPractitioner), "practitioner");
}

}  // namespace
}  // namespace securebase::http
