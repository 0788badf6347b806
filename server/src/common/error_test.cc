#include "common/error.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace securebase {
namespace {

constexpr ErrorCode kAllCodes[] = {
    ErrorCode::kInvalidArgument, ErrorCode::kUnprocessable,   ErrorCode::kNotFound,
    ErrorCode::kConflict,        ErrorCode::kUnauthenticated, ErrorCode::kPermissionDenied,
    ErrorCode::kTooManyRequests, ErrorCode::kUnavailable,     ErrorCode::kInternal,
};

TEST(ErrorCodeName, NamesEveryCode) {
  // The names appear in problem type URIs and logs, so they are part of the
  // wire contract and must not drift.
  EXPECT_STREQ(ErrorCodeName(ErrorCode::kInvalidArgument), "invalid-argument");
  EXPECT_STREQ(ErrorCodeName(ErrorCode::kUnprocessable), "unprocessable");
  EXPECT_STREQ(ErrorCodeName(ErrorCode::kNotFound), "not-found");
  EXPECT_STREQ(ErrorCodeName(ErrorCode::kConflict), "conflict");
  EXPECT_STREQ(ErrorCodeName(ErrorCode::kUnauthenticated), "unauthenticated");
  EXPECT_STREQ(ErrorCodeName(ErrorCode::kPermissionDenied), "permission-denied");
  EXPECT_STREQ(ErrorCodeName(ErrorCode::kTooManyRequests), "too-many-requests");
  EXPECT_STREQ(ErrorCodeName(ErrorCode::kUnavailable), "unavailable");
  EXPECT_STREQ(ErrorCodeName(ErrorCode::kInternal), "internal");
}

TEST(ErrorCodeName, NamesAreDistinctAndUriSafe) {
  std::set<std::string> names;
  for (const ErrorCode code : kAllCodes) {
    const std::string name = ErrorCodeName(code);
    EXPECT_FALSE(name.empty());
    for (const char c : name) {
      EXPECT_TRUE((c >= 'a' && c <= 'z') || c == '-') << "'" << name << "' has '" << c << "'";
    }
    names.insert(name);
  }
  EXPECT_EQ(names.size(), std::size(kAllCodes));
}

TEST(ErrorCodeName, UnknownValueFallsBackToInternal) {
  EXPECT_STREQ(ErrorCodeName(static_cast<ErrorCode>(999)), "internal");
}

TEST(Error, HelpersCarryCodeMessageAndFields) {
  const Status bad = InvalidArgument("Check the form.", {{"time_zone", "is not a known zone"}});
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(bad.error().message, "Check the form.");
  ASSERT_EQ(bad.error().fields.size(), 1u);
  EXPECT_EQ(bad.error().fields[0].field, "time_zone");
  EXPECT_EQ(bad.error().fields[0].message, "is not a known zone");

  const Result<int> missing = NotFound("gone");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Status(Unavailable("db down")).error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(Status(Internal("bug")).error().code, ErrorCode::kInternal);
  EXPECT_EQ(Status(Fail(ErrorCode::kConflict, "taken")).error().code, ErrorCode::kConflict);
  EXPECT_TRUE(Status{}.has_value());
}

}  // namespace
}  // namespace securebase
