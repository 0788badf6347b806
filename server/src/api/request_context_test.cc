#include "api/request_context.h"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <future>
#include <latch>

#include "support/api_world.h"

namespace securebase::api {
namespace {

http::Request From(std::string peer, std::string forwarded = {}) {
  http::Request req;
  req.remote_address = std::move(peer);
  if (!forwarded.empty()) req.message.set("X-Forwarded-For", forwarded);
  return req;
}

TEST(ClientAddress, IsThePeerUnlessAProxyIsTrusted) {
  EXPECT_EQ(ClientAddress(From("10.0.0.1", "203.0.113.9"), {}), "10.0.0.1");
  WebSecurity proxied;
  proxied.trust_forwarded_for = true;
  EXPECT_EQ(ClientAddress(From("127.0.0.1", "203.0.113.9"), proxied), "203.0.113.9");
  // A client can put anything first; the proxy's own entry is the last.
  EXPECT_EQ(ClientAddress(From("127.0.0.1", "1.2.3.4, 203.0.113.9 "), proxied), "203.0.113.9");
  EXPECT_EQ(ClientAddress(From("127.0.0.1"), proxied), "127.0.0.1");
}

TEST(HashingBusy, AnswersServiceUnavailableOnceTheQueueIsFull) {
  ASSERT_TRUE(InitRandom());
  testing::ApiWorld world(WebSecurity{}, 2);
  ApiContext& ctx = world.ctx;
  http::BlockingPool& hashing = world.hashing;
  EXPECT_FALSE(HashingBusy(ctx));

  // Two jobs held in the hashing pool fill a queue of two.
  std::latch release(1);
  boost::asio::io_context io;
  for (int i = 0; i < 2; ++i) {
    boost::asio::co_spawn(
        io,
        [&]() -> boost::asio::awaitable<void> { co_await hashing.Run([&] { release.wait(); }); },
        boost::asio::detached);
  }
  std::thread runner([&] { io.run(); });
  while (hashing.pending() < 2) std::this_thread::yield();
  const auto busy = HashingBusy(ctx);
  ASSERT_TRUE(busy);
  EXPECT_EQ(busy->result_int(), 503);
  EXPECT_EQ((*busy)[boost::beast::http::field::retry_after], "2");
  EXPECT_NE(busy->body().find("urn:securebase:problem:busy"), std::string::npos);
  release.count_down();
  runner.join();
  EXPECT_FALSE(HashingBusy(ctx));
}

}  // namespace
}  // namespace securebase::api
