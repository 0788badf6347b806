#include "api/metrics_access.h"

#include <gtest/gtest.h>

#include <string>

#include "common/random.h"

namespace securebase::api {
namespace {

http::Request From(std::string peer) {
  http::Request req;
  req.remote_address = std::move(peer);
  return req;
}

TEST(IsLoopbackAddress, KnowsTheMachineItselfInEveryWritingAndNothingElse) {
  for (const char* local : {"127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"})
    EXPECT_TRUE(IsLoopbackAddress(local)) << local;
  for (const char* other : {"10.0.0.1", "192.168.1.5", "203.0.113.9", "::ffff:10.0.0.1",
                            "2001:db8::1", "0.0.0.0", "::", "", "localhost", "127.0.0.1x"})
    EXPECT_FALSE(IsLoopbackAddress(other)) << other;
}

TEST(MayReadMetrics, WithoutATokenOnlyADirectLoopbackPeer) {
  EXPECT_TRUE(MayReadMetrics(From("127.0.0.1"), ""));
  EXPECT_TRUE(MayReadMetrics(From("::1"), ""));
  EXPECT_FALSE(MayReadMetrics(From("203.0.113.9"), ""));
  EXPECT_FALSE(MayReadMetrics(From("10.0.0.2"), ""));
  // Through a proxy on this machine: local peer, someone else's request.
  for (const char* header : {"X-Forwarded-For", "Forwarded", "X-Real-IP", "x-forwarded-for"}) {
    auto proxied = From("127.0.0.1");
    proxied.message.set(header, "203.0.113.9");
    EXPECT_FALSE(MayReadMetrics(proxied, "")) << header;
    auto blank = From("127.0.0.1");
    blank.message.set(header, "");
    EXPECT_FALSE(MayReadMetrics(blank, "")) << header << " (empty)";
  }
}

TEST(MayReadMetrics, WithATokenOnlyItsBearerFromAnywhere) {
  ASSERT_TRUE(InitRandom());
  const std::string token = "0123456789abcdef0123456789abcdef";
  auto with = [&](std::string peer, const std::string& authorization) {
    auto req = From(std::move(peer));
    req.message.set(boost::beast::http::field::authorization, authorization);
    req.message.set("X-Forwarded-For", "203.0.113.9");
    return req;
  };
  EXPECT_TRUE(MayReadMetrics(with("127.0.0.1", "Bearer " + token), token));
  EXPECT_TRUE(MayReadMetrics(with("203.0.113.9", "Bearer " + token), token));
  EXPECT_TRUE(MayReadMetrics(with("203.0.113.9", "bearer " + token), token));
  // The token is then asked of everyone, the machine itself too.
  EXPECT_FALSE(MayReadMetrics(From("127.0.0.1"), token));
  for (const std::string& wrong :
       {std::string("Bearer ") + token.substr(1), "Bearer " + token + "0", "Basic " + token, token,
        "Bearer  " + token, std::string("Bearer ")}) {
    EXPECT_FALSE(MayReadMetrics(with("127.0.0.1", wrong), token)) << wrong;
  }
}

}  // namespace
}  // namespace securebase::api
