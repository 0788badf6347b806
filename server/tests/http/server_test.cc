// The HTTP server end to end in one process: a real listener on a loopback
// port, real sockets, and routes declared the way the api layer declares
// them. Each bad-input shape gets its status as problem+json, the connection
// is handled as promised, and the server keeps serving.
#include "http/server.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <future>
#include <random>
#include <thread>

#include "api/json_body.h"
#include "http/blocking_pool.h"
#include "http/problem.h"
#include "http/response.h"
#include "support/raw_http.h"

namespace securebase {
namespace {

using testing::RawConnection;
using testing::RawResponse;
using testing::RoundTrip;
using Verb = boost::beast::http::verb;
namespace beast_http = boost::beast::http;

std::string Get(std::string_view path, std::string_view extra = "") {
  return "GET " + std::string(path) + " HTTP/1.1\r\nHost: test\r\n" + std::string(extra) + "\r\n";
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    web_ = std::filesystem::temp_directory_path() /
           ("sb-web-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(web_ / "assets");
    std::ofstream(web_ / "index.html") << "<!doctype html><title>app</title>";
    std::ofstream(web_ / "assets" / "app-1a2b.js") << "console.log(1)";
    std::ofstream(web_ / "sw.js") << "self.x=1";
    files_ = *http::StaticFiles::Load(web_);

    router_.Add({Verb::get, "/ok", http::Access::kPublic,
                 [](http::Request&) -> boost::asio::awaitable<http::Response> {
                   co_return http::Json(beast_http::status::ok, {{"ok", true}});
                 }});
    router_.Add({Verb::get, "/items/{id}", http::Access::kPublic,
                 [](http::Request& req) -> boost::asio::awaitable<http::Response> {
                   co_return http::Json(beast_http::status::ok, {{"id", req.Param("id")}});
                 }});
    const auto echo = [](http::Request& req) -> boost::asio::awaitable<http::Response> {
      auto body = api::ParseJsonObject(req);
      if (!body) co_return http::ProblemFromError(body.error());
      co_return http::Json(beast_http::status::ok, *body);
    };
    router_.Add({Verb::post, "/echo", http::Access::kPublic, echo, 0, true});
    router_.Add({Verb::post, "/small", http::Access::kPublic, echo, 16, true});
    router_.Add({Verb::get, "/boom", http::Access::kPublic,
                 [](http::Request&) -> boost::asio::awaitable<http::Response> {
                   throw std::runtime_error("secret internal detail");
                   co_return http::NoContent();
                 }});
    router_.Add({Verb::get, "/slow", http::Access::kPublic,
                 [this](http::Request&) -> boost::asio::awaitable<http::Response> {
                   slow_started_.set_value();
                   co_await pool_.Run([this] { release_.wait(); });
                   co_return http::Json(beast_http::status::ok, {{"slow", "done"}});
                 }});

    http::ServerOptions options;
    options.port = 0;
    options.threads = 2;
    options.limits.max_header_bytes = 4096;
    options.limits.max_body_bytes = 1024;
    options.limits.header_timeout = std::chrono::seconds(1);
    options.limits.idle_timeout = std::chrono::seconds(30);
    options.limits.shutdown_grace = std::chrono::seconds(10);
    options.log_requests = false;
    server_ = std::make_unique<http::Server>(options, router_, files_, metrics_);
    auto port = server_->Start();
    ASSERT_TRUE(port) << port.error().message;
    port_ = *port;
  }

  void TearDown() override {
    release_promise_.set_value();
    server_->Stop();
    server_->Wait();
    std::filesystem::remove_all(web_);
  }

  void ExpectProblem(const std::optional<RawResponse>& res, int status, std::string_view slug) {
    ASSERT_TRUE(res) << "no response";
    EXPECT_EQ(res->status, status);
    EXPECT_EQ(res->Header("content-type"), "application/problem+json");
    const auto body = boost::json::parse(res->body).as_object();
    EXPECT_EQ(body.at("status").as_int64(), status);
    EXPECT_EQ(body.at("type").as_string(), "urn:securebase:problem:" + std::string(slug));
    EXPECT_FALSE(body.at("detail").as_string().empty());
    ExpectSecurityHeaders(*res);
  }

  void ExpectSecurityHeaders(const RawResponse& res) {
    EXPECT_NE(res.Header("content-security-policy").find("frame-ancestors 'none'"),
              std::string::npos);
    EXPECT_EQ(res.Header("x-content-type-options"), "nosniff");
    EXPECT_EQ(res.Header("referrer-policy"), "no-referrer");
    EXPECT_FALSE(res.Header("permissions-policy").empty());
  }

  void ExpectStillServing() {
    const auto res = RoundTrip(port_, Get("/ok"));
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
  }

  std::filesystem::path web_;
  http::StaticFiles files_;
  http::Router router_;
  MetricsRegistry metrics_;
  http::BlockingPool pool_{2};
  std::promise<void> slow_started_;
  std::promise<void> release_promise_;
  std::shared_future<void> release_ = release_promise_.get_future().share();
  std::unique_ptr<http::Server> server_;
  std::uint16_t port_ = 0;
};

TEST_F(ServerTest, AnswersSeveralRequestsOnOneConnection) {
  RawConnection c(port_);
  ASSERT_TRUE(c.Send(Get("/ok") + Get("/items/abc")));  // pipelined
  const auto first = c.Read();
  const auto second = c.Read();
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->body, R"({"ok":true})");
  EXPECT_EQ(second->body, R"({"id":"abc"})");
  EXPECT_EQ(first->Header("cache-control"), "no-store");
  EXPECT_FALSE(first->Header("x-request-id").empty());
  EXPECT_NE(first->Header("x-request-id"), second->Header("x-request-id"));
  ExpectSecurityHeaders(*first);
}

TEST_F(ServerTest, UnknownApiPathIsNotFound) {
  ExpectProblem(RoundTrip(port_, Get("/api/v1/nothing-here")), 404, "not-found");
}

TEST_F(ServerTest, WrongMethodIsMethodNotAllowedWithAllow) {
  const auto res = RoundTrip(port_, "DELETE /ok HTTP/1.1\r\nHost: t\r\n\r\n");
  ExpectProblem(res, 405, "method-not-allowed");
  EXPECT_EQ(res->Header("allow"), "GET, HEAD");
}

TEST_F(ServerTest, MalformedRequestLineIsBadRequestAndClosed) {
  RawConnection c(port_);
  ASSERT_TRUE(c.Send("THIS IS NOT HTTP\r\n\r\n"));
  const auto res = c.Read();
  ExpectProblem(res, 400, "malformed-request");
  EXPECT_EQ(res->Header("connection"), "close");
  EXPECT_TRUE(c.WaitForClose(std::chrono::seconds(5)));
  ExpectStillServing();
}

TEST_F(ServerTest, MalformedHeaderIsBadRequest) {
  ExpectProblem(RoundTrip(port_, "GET /ok HTTP/1.1\r\nHost: t\r\nBad Header Name: x\r\n\r\n"), 400,
                "malformed-request");
  ExpectProblem(RoundTrip(port_, "GET /ok HTTP/1.1\r\nHost: t\r\nContent-Length: abc\r\n\r\n"), 400,
                "malformed-request");
  ExpectStillServing();
}

TEST_F(ServerTest, OversizedHeadersAreRefusedWith431) {
  const std::string big(5000, 'a');
  RawConnection c(port_);
  ASSERT_TRUE(c.Send(Get("/ok", "X-Big: " + big + "\r\n")));
  const auto res = c.Read();
  ExpectProblem(res, 431, "header-too-large");
  EXPECT_TRUE(c.WaitForClose(std::chrono::seconds(5)));
  ExpectStillServing();
}

TEST_F(ServerTest, DeclaredBodyOverTheLimitIsRefusedBeforeReading) {
  RawConnection c(port_);
  ASSERT_TRUE(
      c.Send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
             "Content-Length: 5000\r\n\r\n"));
  const auto res = c.Read();
  ExpectProblem(res, 413, "payload-too-large");
  EXPECT_EQ(res->Header("connection"), "close");
  ExpectStillServing();
}

TEST_F(ServerTest, PerRouteBodyLimitApplies) {
  const std::string body = R"({"a":"0123456789abcdef"})";  // 24 bytes > 16
  ExpectProblem(RoundTrip(port_,
                          "POST /small HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                          "Content-Length: " +
                              std::to_string(body.size()) + "\r\n\r\n" + body),
                413, "payload-too-large");
  const std::string fits = R"({"a":1})";
  const auto ok = RoundTrip(port_,
                            "POST /small HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                            "Content-Length: " +
                                std::to_string(fits.size()) + "\r\n\r\n" + fits);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

TEST_F(ServerTest, ChunkedBodyOverTheLimitIsRefused) {
  std::string chunked =
      "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 3; ++i) chunked += "200\r\n" + std::string(512, 'x') + "\r\n";
  chunked += "0\r\n\r\n";
  ExpectProblem(RoundTrip(port_, chunked), 413, "payload-too-large");
  ExpectStillServing();
}

// Request smuggling: a message whose length two readers could read two ways
// (a proxy in front, and us) is refused and its connection closed, so no
// second request can hide in its body; the server goes on serving.
class SmugglingTest : public ServerTest,
                      public ::testing::WithParamInterface<std::pair<const char*, const char*>> {};

TEST_P(SmugglingTest, AnAmbiguousLengthIsRefusedAndTheConnectionClosed) {
  const std::string smuggled = "GET /ok HTTP/1.1\r\nHost: t\r\n\r\n";
  const std::string request =
      "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n" +
      std::string(GetParam().second) + "\r\n" + "0\r\n\r\n" + smuggled;
  RawConnection c(port_);
  ASSERT_TRUE(c.Send(request));
  const auto res = c.Read();
  ASSERT_TRUE(res) << GetParam().first;
  EXPECT_EQ(res->status, 400) << GetParam().first;
  EXPECT_EQ(res->Header("connection"), "close") << GetParam().first;
  // Nothing more is answered on it: the hidden request is never read.
  EXPECT_FALSE(c.Read().has_value()) << GetParam().first;
  EXPECT_TRUE(c.WaitForClose(std::chrono::seconds(5))) << GetParam().first;
  ExpectStillServing();
}

INSTANTIATE_TEST_SUITE_P(
    Shapes, SmugglingTest,
    ::testing::Values(
        std::pair{"ContentLengthWithChunked",
                  "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n"},
        std::pair{"ChunkedThenContentLength",
                  "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n"},
        std::pair{"TwoContentLengthsThatDiffer", "Content-Length: 5\r\nContent-Length: 7\r\n"},
        std::pair{"TwoContentLengthsThatAgree", "Content-Length: 5\r\nContent-Length: 5\r\n"},
        std::pair{"ChunkedNotLast", "Transfer-Encoding: chunked, gzip\r\n"},
        std::pair{"GzipOnly", "Transfer-Encoding: gzip\r\n"},
        std::pair{"ChunkedTwice", "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n"},
        std::pair{"ObfuscatedChunked", "Transfer-Encoding: xchunked\r\n"},
        std::pair{"ContentLengthList", "Content-Length: 5, 5\r\n"}),
    [](const auto& shape) { return std::string(shape.param.first); });

TEST_F(ServerTest, WrongContentTypeIsUnsupportedMediaType) {
  const std::string body = R"({"a":1})";
  ExpectProblem(RoundTrip(port_,
                          "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\n"
                          "Content-Length: " +
                              std::to_string(body.size()) + "\r\n\r\n" + body),
                415, "unsupported-media-type");
  const auto with_charset = RoundTrip(port_,
                                      "POST /echo HTTP/1.1\r\nHost: t\r\n"
                                      "Content-Type: application/json; charset=utf-8\r\n"
                                      "Content-Length: " +
                                          std::to_string(body.size()) + "\r\n\r\n" + body);
  ASSERT_TRUE(with_charset);
  EXPECT_EQ(with_charset->status, 200);
  EXPECT_EQ(with_charset->body, body);
}

TEST_F(ServerTest, InvalidJsonIsBadRequest) {
  for (const std::string body : {"{not json", "[1,2,3]", "\"just a string\""}) {
    const auto res =
        RoundTrip(port_,
                  "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                  "Content-Length: " +
                      std::to_string(body.size()) + "\r\n\r\n" + body);
    ExpectProblem(res, 400, "invalid-argument");
  }
  ExpectStillServing();
}

TEST_F(ServerTest, HandlerExceptionIsACalm500WithoutDetails) {
  const auto res = RoundTrip(port_, Get("/boom"));
  ExpectProblem(res, 500, "internal");
  EXPECT_EQ(res->body.find("secret internal detail"), std::string::npos);
  ExpectStillServing();
}

TEST_F(ServerTest, ExpectContinueGetsAnInterimResponse) {
  RawConnection c(port_);
  const std::string body = R"({"b":2})";
  ASSERT_TRUE(
      c.Send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
             "Expect: 100-continue\r\nContent-Length: " +
             std::to_string(body.size()) + "\r\n\r\n"));
  const auto interim = c.Read();
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->status, 100);
  ASSERT_TRUE(c.Send(body));
  const auto res = c.Read();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, body);
}

TEST_F(ServerTest, ServesTheAppWithItsCachingRules) {
  const auto index = RoundTrip(port_, Get("/"));
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->Header("cache-control"), "no-cache");
  EXPECT_EQ(index->Header("content-type"), "text/html; charset=utf-8");
  ExpectSecurityHeaders(*index);
  // An app route without an extension falls back to the app.
  const auto route = RoundTrip(port_, Get("/course/some-lesson"));
  ASSERT_TRUE(route);
  EXPECT_EQ(route->body, index->body);
  const auto asset = RoundTrip(port_, Get("/assets/app-1a2b.js"));
  ASSERT_TRUE(asset);
  EXPECT_EQ(asset->Header("cache-control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(RoundTrip(port_, Get("/sw.js"))->Header("cache-control"), "no-cache");
  // A missing asset is a 404, never the app.
  ExpectProblem(RoundTrip(port_, Get("/assets/missing.js")), 404, "not-found");
  // Revalidation.
  const auto again = RoundTrip(
      port_, Get("/assets/app-1a2b.js", "If-None-Match: " + asset->Header("etag") + "\r\n"));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
}

TEST_F(ServerTest, HeadSendsHeadersWithoutBody) {
  RawConnection c(port_);
  ASSERT_TRUE(c.Send("HEAD /ok HTTP/1.1\r\nHost: t\r\n\r\n" + Get("/ok")));
  const auto head = c.Read();
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->Header("content-length"), "11");
  // Our dumb reader consumed 11 bytes as the HEAD body; they must be the
  // start of the next response, proving the HEAD response carried none.
  EXPECT_EQ(head->body, "HTTP/1.1 20");
}

TEST_F(ServerTest, SlowHeadersAreCutOffAtTheHeaderTimeout) {
  RawConnection c(port_);
  ASSERT_TRUE(c.Send("GET /ok HTTP/1.1\r\nHost: t\r\n"));  // never finishes the head
  EXPECT_TRUE(c.WaitForClose(std::chrono::seconds(5)));
  ExpectStillServing();
}

TEST_F(ServerTest, CountsRequestsInMetrics) {
  ASSERT_TRUE(RoundTrip(port_, Get("/ok")));
  ASSERT_TRUE(RoundTrip(port_, Get("/items/secret-token-123")));
  const std::string text = metrics_.RenderPrometheus();
  EXPECT_NE(text.find(R"(securebase_http_requests_total{route="/ok",method="GET",status="200"} 1)"),
            std::string::npos)
      << text;
  // Route patterns only: a raw path (which can hold a token) never appears.
  EXPECT_NE(text.find(R"(route="/items/{id}")"), std::string::npos);
  EXPECT_EQ(text.find("secret-token-123"), std::string::npos);
}

TEST_F(ServerTest, GracefulShutdownFinishesRequestsInFlight) {
  RawConnection busy(port_);
  RawConnection idle(port_);
  ASSERT_TRUE(idle.Send(Get("/ok")));
  ASSERT_TRUE(idle.Read());  // now idle in keep-alive
  ASSERT_TRUE(busy.Send(Get("/slow")));
  slow_started_.get_future().wait();

  std::thread stopper([&] { server_->Stop(); });
  // The idle keep-alive connection is closed promptly.
  EXPECT_TRUE(idle.WaitForClose(std::chrono::seconds(5)));
  // The request in flight still gets its answer, marked as the last one.
  release_promise_.set_value();
  release_promise_ = std::promise<void>();  // TearDown sets it again harmlessly
  const auto res = busy.Read();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->Header("connection"), "close");
  stopper.join();
  server_->Wait();
  // Nothing listens any more.
  RawConnection after(port_);
  EXPECT_FALSE(after.connected() && after.Send(Get("/ok")) &&
               after.Read(std::chrono::milliseconds(500)));
}

}  // namespace
}  // namespace securebase
