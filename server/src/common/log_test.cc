#include "common/log.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

#include <algorithm>
#include <cmath>
#include <string>

namespace securebase {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::Not;

// Logging is process-wide: every test starts from and returns to the
// defaults (info, JSON).
class LogTest : public ::testing::Test {
 protected:
  void SetUp() override { ConfigureLogging(LogLevel::kInfo, true); }
  void TearDown() override { ConfigureLogging(LogLevel::kInfo, true); }

  // Runs fn with stderr captured and returns what it wrote.
  template <class Fn>
  static std::string Captured(Fn&& fn) {
    ::testing::internal::CaptureStderr();
    fn();
    return ::testing::internal::GetCapturedStderr();
  }

  static boost::json::object ParseLine(const std::string& out) {
    EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1) << "not one line: " << out;
    EXPECT_TRUE(!out.empty() && out.back() == '\n') << out;
    boost::system::error_code ec;
    auto value = boost::json::parse(out, ec);
    EXPECT_FALSE(ec) << ec.message() << " in: " << out;
    if (ec || !value.is_object()) return {};
    return value.as_object();
  }
};

TEST(ParseLogLevel, ParsesTheFourLevels) {
  LogLevel level = LogLevel::kError;
  ASSERT_TRUE(ParseLogLevel("debug", level));
  EXPECT_EQ(level, LogLevel::kDebug);
  ASSERT_TRUE(ParseLogLevel("info", level));
  EXPECT_EQ(level, LogLevel::kInfo);
  ASSERT_TRUE(ParseLogLevel("warn", level));
  EXPECT_EQ(level, LogLevel::kWarn);
  ASSERT_TRUE(ParseLogLevel("error", level));
  EXPECT_EQ(level, LogLevel::kError);
}

TEST(ParseLogLevel, RejectsUnknownNamesAndLeavesOutputUnchanged) {
  for (const char* name : {"", "INFO", "Info", "warning", "fatal", "trace", "info "}) {
    LogLevel level = LogLevel::kWarn;
    EXPECT_FALSE(ParseLogLevel(name, level)) << "'" << name << "'";
    EXPECT_EQ(level, LogLevel::kWarn) << "'" << name << "'";
  }
}

TEST_F(LogTest, WritesOneJsonObjectPerLineWithTypedFields) {
  const std::string out = Captured([] {
    Log(LogLevel::kInfo, "request",
        {{"route", "/healthz"},
         {"status", 200},
         {"ms", 1.5},
         {"ok", true},
         {"big", std::int64_t{1} << 40}});
  });
  const auto obj = ParseLine(out);
  ASSERT_TRUE(obj.contains("ts")) << out;
  EXPECT_THAT(std::string(obj.at("ts").as_string()),
              MatchesRegex("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z"));
  EXPECT_EQ(obj.at("level").as_string(), "info");
  EXPECT_EQ(obj.at("event").as_string(), "request");
  EXPECT_EQ(obj.at("route").as_string(), "/healthz");
  EXPECT_EQ(obj.at("status").to_number<std::int64_t>(), 200);
  EXPECT_DOUBLE_EQ(obj.at("ms").to_number<double>(), 1.5);
  EXPECT_EQ(obj.at("ok").as_bool(), true);
  EXPECT_EQ(obj.at("big").to_number<std::int64_t>(), std::int64_t{1} << 40);
}

TEST_F(LogTest, EscapesFieldValuesWithQuotesAndNewlines) {
  const std::string nasty = "say \"hi\"\nsecond line\r\tand a \\ and \x01";
  const std::string out = Captured([&] { Log(LogLevel::kWarn, "job_failed", {{"error", nasty}}); });
  // The raw newline inside the value must not split the line.
  const auto obj = ParseLine(out);
  ASSERT_TRUE(obj.contains("error")) << out;
  EXPECT_EQ(std::string(obj.at("error").as_string()), nasty);
  EXPECT_EQ(obj.at("level").as_string(), "warn");
  EXPECT_THAT(out, HasSubstr(R"(say \"hi\"\nsecond line)"));
}

TEST_F(LogTest, EscapesEventNamesAndKeys) {
  const std::string out = Captured([] { Log(LogLevel::kError, "odd\"event\n", {{"k\"ey", "v"}}); });
  const auto obj = ParseLine(out);
  EXPECT_EQ(obj.at("event").as_string(), "odd\"event\n");
  EXPECT_EQ(obj.at("k\"ey").as_string(), "v");
  EXPECT_EQ(obj.at("level").as_string(), "error");
}

TEST_F(LogTest, DropsLinesBelowTheConfiguredLevel) {
  ConfigureLogging(LogLevel::kWarn, true);
  const std::string out = Captured([] {
    Log(LogLevel::kDebug, "too_quiet_debug");
    Log(LogLevel::kInfo, "too_quiet_info");
    Log(LogLevel::kWarn, "loud_enough");
  });
  EXPECT_THAT(out, Not(HasSubstr("too_quiet")));
  const auto obj = ParseLine(out);
  EXPECT_EQ(obj.at("event").as_string(), "loud_enough");
}

TEST_F(LogTest, WritesDebugLinesWhenConfiguredForDebug) {
  ConfigureLogging(LogLevel::kDebug, true);
  const std::string out = Captured([] { Log(LogLevel::kDebug, "debug_detail", {{"n", 3}}); });
  const auto obj = ParseLine(out);
  EXPECT_EQ(obj.at("event").as_string(), "debug_detail");
  EXPECT_EQ(obj.at("level").as_string(), "debug");
}

TEST_F(LogTest, TextFormatIsOneHumanReadableLine) {
  ConfigureLogging(LogLevel::kInfo, false);
  const std::string out = Captured([] {
    Log(LogLevel::kInfo, "started", {{"listen", "127.0.0.1:8080"}, {"threads", 2}});
  });
  EXPECT_THAT(out,
              MatchesRegex("[0-9T:.-]+Z info started listen=127\\.0\\.0\\.1:8080 threads=2\n"));
}

}  // namespace
}  // namespace securebase

namespace securebase {
namespace {

// Found in review: a NaN duration made the line invalid JSON.
TEST(LogNonFinite, NaNAndInfinityAreWrittenAsNull) {
  ConfigureLogging(LogLevel::kInfo, true);
  ::testing::internal::CaptureStderr();
  Log(LogLevel::kInfo, "odd", {{"a", std::nan("")}, {"b", 1.0 / 0.0}});
  const std::string out = ::testing::internal::GetCapturedStderr();
  boost::system::error_code ec;
  const auto value = boost::json::parse(out, ec);
  ASSERT_FALSE(ec) << out;
  EXPECT_TRUE(value.as_object().at("a").is_null());
  EXPECT_TRUE(value.as_object().at("b").is_null());
}

}  // namespace
}  // namespace securebase
