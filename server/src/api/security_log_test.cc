#include "api/security_log.h"

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "common/log.h"

namespace securebase::api {
namespace {

using domain::SecurityEvent;

boost::json::object LoggedLine(domain::SecurityEvent event, std::string_view account_id) {
  ConfigureLogging(LogLevel::kInfo, true);
  http::Request req;
  req.route = "/api/v1/auth/login";
  req.request_id = "0000000a00000001";
  ::testing::internal::CaptureStderr();
  SecurityLog(req).Record(event, account_id);
  const std::string out = ::testing::internal::GetCapturedStderr();
  boost::system::error_code ec;
  auto value = boost::json::parse(out, ec);
  EXPECT_FALSE(ec) << out;
  return ec || !value.is_object() ? boost::json::object{} : value.as_object();
}

TEST(SecurityLog, OneLineWithTheEventTheAccountTheRouteAndTheRequest) {
  const auto line = LoggedLine(SecurityEvent::kLoginFailed, "3f2a9c");
  EXPECT_EQ(line.at("event"), "security.login_failed");
  EXPECT_EQ(line.at("level"), "warn");
  EXPECT_EQ(line.at("account_id"), "3f2a9c");
  EXPECT_EQ(line.at("route"), "/api/v1/auth/login");
  EXPECT_EQ(line.at("request_id"), "0000000a00000001");
}

TEST(SecurityLog, ChangesAreInfoAndAnUnknownAccountIsLeftOut) {
  EXPECT_EQ(LoggedLine(SecurityEvent::kPasswordChanged, "3f2a9c").at("level"), "info");
  const auto anonymous = LoggedLine(SecurityEvent::kCsrfRefused, "");
  EXPECT_EQ(anonymous.at("event"), "security.csrf_refused");
  EXPECT_FALSE(anonymous.contains("account_id"));
}

// What RecordWrongCredentials wrote for a refusal: the event names, in order.
std::vector<std::string> WrongCredentialEvents(const Error& refusal) {
  ConfigureLogging(LogLevel::kInfo, true);
  http::Request req;
  req.route = "/api/v1/me";
  ::testing::internal::CaptureStderr();
  SecurityLog(req).RecordWrongCredentials(refusal, "3f2a9c");
  std::istringstream lines(::testing::internal::GetCapturedStderr());
  std::vector<std::string> events;
  for (std::string line; std::getline(lines, line);) {
    events.emplace_back(boost::json::parse(line).as_object().at("event").as_string());
  }
  return events;
}

TEST(SecurityLog, AWrongPasswordOrCodeIsAnEventAndOtherRefusalsAreNot) {
  using V = std::vector<std::string>;
  const Error wrong_password =
      InvalidArgument("Your current password is not right.", {{"password", "is not right"}})
          .error();
  EXPECT_EQ(WrongCredentialEvents(wrong_password), V{"security.password_again_wrong"});
  const Error wrong_code =
      Refuse(ErrorCode::kInvalidArgument, "invalid-code", "That code did not work.").error();
  EXPECT_EQ(WrongCredentialEvents(wrong_code), V{"security.mfa_code_wrong"});
  const Error other = InvalidArgument("Please check.", {{"code", "Enter a code"}}).error();
  EXPECT_EQ(WrongCredentialEvents(other), V{});
  const Error wait = Refuse(ErrorCode::kTooManyRequests, "", "Please wait.").error();
  EXPECT_EQ(WrongCredentialEvents(wait), V{});
}

TEST(SecurityEventName, EveryEventHasItsOwnStableName) {
  std::set<std::string> names;
  for (int i = 0; i <= static_cast<int>(SecurityEvent::kCsrfRefused); ++i) {
    const std::string name = domain::SecurityEventName(static_cast<SecurityEvent>(i));
    EXPECT_TRUE(name.starts_with("security.")) << name;
    EXPECT_NE(name, "security.unknown");
    EXPECT_TRUE(names.insert(name).second) << name;
  }
}

}  // namespace
}  // namespace securebase::api
