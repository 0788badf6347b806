#include "http/static_files.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

namespace securebase::http {
namespace {

namespace fs = std::filesystem;
using ::testing::MatchesRegex;

// A built web app in a fresh temporary folder, removed afterwards.
class WebDir : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    root_ = fs::temp_directory_path() /
            ("sb-web-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(root_);
    fs::create_directories(root_);
    Write("index.html", "<!doctype html><title>Secure Base</title>");
    Write("sw.js", "self.addEventListener('fetch', () => {});");
    Write("manifest.webmanifest", "{\"name\":\"Secure Base\"}");
    Write("assets/index-3f2a1b.js", "console.log('app');");
    Write("assets/index-9c8d7e.css", "body{margin:0}");
    Write("assets/fonts/inter-1a2b.woff2", std::string("wOF2\0\1", 6));
    Write("icon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    Write("favicon.ico", "ico");
    Write("robots.txt", "User-agent: *\nDisallow:\n");
    Write("same-a.txt", "identical");
    Write("same-b.txt", "identical");
    Write("data.bin", "\x01\x02");
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  void Write(const std::string& rel, const std::string& text) {
    const fs::path p = root_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
  }
  StaticFiles Loaded() {
    auto files = StaticFiles::Load(root_);
    EXPECT_TRUE(files.has_value()) << files.error().message;
    return files.has_value() ? std::move(*files) : StaticFiles{};
  }
  static std::string H(const Response& res, beast_http::field f) { return std::string(res[f]); }

  fs::path root_;
};

TEST_F(WebDir, ServesIndexAtRootAndByName) {
  const auto files = Loaded();
  ASSERT_FALSE(files.empty());
  for (const char* path : {"/", "/index.html"}) {
    const auto res = files.Serve(path, "");
    ASSERT_TRUE(res.has_value()) << path;
    EXPECT_EQ(res->result(), beast_http::status::ok);
    EXPECT_EQ(res->body(), "<!doctype html><title>Secure Base</title>");
    EXPECT_EQ(H(*res, beast_http::field::content_type), "text/html; charset=utf-8");
    EXPECT_EQ(H(*res, beast_http::field::cache_control), "no-cache");
    EXPECT_THAT(H(*res, beast_http::field::etag), MatchesRegex("\"[0-9a-f]{16}\""));
  }
}

TEST_F(WebDir, ContentTypes) {
  const auto files = Loaded();
  const std::pair<const char*, const char*> cases[] = {
      {"/sw.js", "text/javascript; charset=utf-8"},
      {"/assets/index-3f2a1b.js", "text/javascript; charset=utf-8"},
      {"/assets/index-9c8d7e.css", "text/css; charset=utf-8"},
      {"/manifest.webmanifest", "application/manifest+json"},
      {"/assets/fonts/inter-1a2b.woff2", "font/woff2"},
      {"/icon.svg", "image/svg+xml"},
      {"/favicon.ico", "image/x-icon"},
      {"/robots.txt", "text/plain; charset=utf-8"},
      {"/data.bin", "application/octet-stream"},
  };
  for (const auto& [path, type] : cases) {
    const auto res = files.Serve(path, "");
    ASSERT_TRUE(res.has_value()) << path;
    EXPECT_EQ(H(*res, beast_http::field::content_type), type) << path;
  }
  const auto font = files.Serve("/assets/fonts/inter-1a2b.woff2", "");
  ASSERT_TRUE(font.has_value());
  EXPECT_EQ(font->body(), std::string("wOF2\0\1", 6));  // binary-safe
}

TEST_F(WebDir, CacheControlRules) {
  const auto files = Loaded();
  const std::pair<const char*, const char*> cases[] = {
      {"/index.html", "no-cache"},
      {"/sw.js", "no-cache"},
      {"/manifest.webmanifest", "no-cache"},
      {"/assets/index-3f2a1b.js", "public, max-age=31536000, immutable"},
      {"/assets/fonts/inter-1a2b.woff2", "public, max-age=31536000, immutable"},
      {"/icon.svg", "public, max-age=3600"},
      {"/robots.txt", "public, max-age=3600"},
  };
  for (const auto& [path, cache] : cases) {
    const auto res = files.Serve(path, "");
    ASSERT_TRUE(res.has_value()) << path;
    EXPECT_EQ(H(*res, beast_http::field::cache_control), cache) << path;
  }
}

TEST_F(WebDir, EtagIsAStrongValidatorOfTheContent) {
  const auto files = Loaded();
  const auto a = files.Serve("/same-a.txt", "");
  const auto b = files.Serve("/same-b.txt", "");
  const auto robots = files.Serve("/robots.txt", "");
  ASSERT_TRUE(a && b && robots);
  EXPECT_EQ(H(*a, beast_http::field::etag), H(*b, beast_http::field::etag));
  EXPECT_NE(H(*a, beast_http::field::etag), H(*robots, beast_http::field::etag));
  EXPECT_FALSE(H(*a, beast_http::field::etag).starts_with("W/"));
}

TEST_F(WebDir, MatchingIfNoneMatchGives304WithoutBody) {
  const auto files = Loaded();
  const auto first = files.Serve("/assets/index-3f2a1b.js", "");
  ASSERT_TRUE(first.has_value());
  const std::string etag = H(*first, beast_http::field::etag);

  const auto again = files.Serve("/assets/index-3f2a1b.js", etag);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->result(), beast_http::status::not_modified);
  EXPECT_TRUE(again->body().empty());
  EXPECT_EQ(H(*again, beast_http::field::etag), etag);
  EXPECT_EQ(H(*again, beast_http::field::cache_control), "public, max-age=31536000, immutable");

  const auto stale = files.Serve("/assets/index-3f2a1b.js", "\"0000000000000000\"");
  ASSERT_TRUE(stale.has_value());
  EXPECT_EQ(stale->result(), beast_http::status::ok);
  EXPECT_EQ(stale->body(), "console.log('app');");
}

TEST_F(WebDir, ExtensionlessPathsFallBackToIndex) {
  const auto files = Loaded();
  for (const char* path : {"/today", "/lessons/the-secure-base", "/console/settings/", "/v1.2/page",
                           "/apiary", "/healthzz"}) {
    const auto res = files.Serve(path, "");
    ASSERT_TRUE(res.has_value()) << path;
    EXPECT_EQ(res->result(), beast_http::status::ok) << path;
    EXPECT_EQ(res->body(), "<!doctype html><title>Secure Base</title>") << path;
    EXPECT_EQ(H(*res, beast_http::field::cache_control), "no-cache") << path;
  }
}

TEST_F(WebDir, ServerPathsNeverFallBack) {
  Write("api/v1/me", "not served");
  Write("metrics", "not served");
  const auto files = Loaded();
  for (const char* path : {"/api", "/api/", "/api/v1/me", "/api/v1/unknown", "/healthz", "/readyz",
                           "/metrics", "/calendar/abc123", "/calendar/abc123.ics"}) {
    EXPECT_FALSE(files.Serve(path, "").has_value()) << path;
  }
}

TEST_F(WebDir, MissingFileWithAnExtensionIsNotFound) {
  const auto files = Loaded();
  for (const char* path :
       {"/missing.js", "/assets/index-old.js", "/favicon.png", "/../etc/passwd.txt"}) {
    EXPECT_FALSE(files.Serve(path, "").has_value()) << path;
  }
}

TEST(StaticFiles, MissingRootLoadsAsEmpty) {
  const auto files = StaticFiles::Load(fs::temp_directory_path() / "sb-no-such-web-dir");
  ASSERT_TRUE(files.has_value()) << files.error().message;
  EXPECT_TRUE(files->empty());
  EXPECT_FALSE(files->Serve("/", "").has_value());
  EXPECT_FALSE(files->Serve("/lessons/x", "").has_value());
}

TEST(StaticFiles, IsServerPath) {
  for (const char* p : {"/api", "/api/", "/api/v1/x", "/healthz", "/readyz", "/metrics",
                        "/calendar/", "/calendar/x.ics"}) {
    EXPECT_TRUE(IsServerPath(p)) << p;
  }
  for (const char* p : {"/", "/apiary", "/healthz/x", "/metrics2", "/calendar", "/today"}) {
    EXPECT_FALSE(IsServerPath(p)) << p;
  }
}

}  // namespace
}  // namespace securebase::http
