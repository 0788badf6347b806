#include "http/problem.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

#include <string>

namespace securebase::http {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

boost::json::object Body(const Response& res) {
  boost::system::error_code ec;
  auto value = boost::json::parse(res.body(), ec);
  EXPECT_FALSE(ec) << ec.message() << ": " << res.body();
  if (ec || !value.is_object()) {
    ADD_FAILURE() << "not a JSON object: " << res.body();
    return {};
  }
  return value.as_object();
}

std::string ContentType(const Response& res) {
  return std::string(res[beast_http::field::content_type]);
}

TEST(Problem, StatusForEveryErrorCode) {
  using s = beast_http::status;
  EXPECT_EQ(StatusFor(ErrorCode::kInvalidArgument), s::bad_request);
  EXPECT_EQ(StatusFor(ErrorCode::kUnprocessable), s::unprocessable_entity);
  EXPECT_EQ(StatusFor(ErrorCode::kNotFound), s::not_found);
  EXPECT_EQ(StatusFor(ErrorCode::kConflict), s::conflict);
  EXPECT_EQ(StatusFor(ErrorCode::kUnauthenticated), s::unauthorized);
  EXPECT_EQ(StatusFor(ErrorCode::kPermissionDenied), s::forbidden);
  EXPECT_EQ(StatusFor(ErrorCode::kTooManyRequests), s::too_many_requests);
  EXPECT_EQ(StatusFor(ErrorCode::kUnavailable), s::service_unavailable);
  EXPECT_EQ(StatusFor(ErrorCode::kInternal), s::internal_server_error);
}

TEST(Problem, FromErrorIsAProblemJsonResponse) {
  const Response res =
      ProblemFromError(Error{ErrorCode::kNotFound, "There is nothing at this address.", {}});
  EXPECT_EQ(res.result(), beast_http::status::not_found);
  EXPECT_EQ(ContentType(res), "application/problem+json");
  const auto body = Body(res);
  EXPECT_EQ(body.at("type").as_string(), "urn:securebase:problem:not-found");
  EXPECT_EQ(body.at("title").as_string(), "Not Found");
  EXPECT_EQ(body.at("status").to_number<int>(), 404);
  EXPECT_EQ(body.at("detail").as_string(), "There is nothing at this address.");
  EXPECT_FALSE(body.contains("errors"));
}

TEST(Problem, EveryCodeGivesAMatchingTypeAndStatus) {
  for (const ErrorCode code :
       {ErrorCode::kInvalidArgument, ErrorCode::kUnprocessable, ErrorCode::kNotFound,
        ErrorCode::kConflict, ErrorCode::kUnauthenticated, ErrorCode::kPermissionDenied,
        ErrorCode::kTooManyRequests, ErrorCode::kUnavailable, ErrorCode::kInternal}) {
    const Response res = ProblemFromError(Error{code, "msg", {}});
    EXPECT_EQ(res.result(), StatusFor(code));
    const auto body = Body(res);
    EXPECT_EQ(body.at("type").as_string(),
              std::string("urn:securebase:problem:") + ErrorCodeName(code));
    EXPECT_EQ(body.at("status").to_number<int>(), static_cast<int>(StatusFor(code)));
    EXPECT_FALSE(body.at("title").as_string().empty());
  }
}

TEST(Problem, InternalMessagesStayInTheServer) {
  const Response res = ProblemFromError(
      Error{ErrorCode::kInternal, "soci: no such table users at /var/lib/x.db", {}});
  EXPECT_EQ(res.result(), beast_http::status::internal_server_error);
  EXPECT_THAT(res.body(), Not(HasSubstr("soci")));
  EXPECT_THAT(res.body(), Not(HasSubstr("/var/lib")));
  const auto body = Body(res);
  EXPECT_EQ(body.at("detail").as_string(),
            "Something went wrong on our side. Please try again in a moment.");
}

TEST(Problem, OtherMessagesAreShownAsWritten) {
  const Response res = ProblemFromError(
      Error{ErrorCode::kUnavailable, "The database is not answering. Try again soon.", {}});
  EXPECT_EQ(Body(res).at("detail").as_string(), "The database is not answering. Try again soon.");
}

TEST(Problem, FieldErrorsBecomeAnErrorsArray) {
  const Response res = ProblemFromError(
      Error{ErrorCode::kInvalidArgument,
            "Please check the form.",
            {{"time_zone", "is not a known zone"}, {"name", "must be at most 80 \"characters\""}}});
  EXPECT_EQ(res.result(), beast_http::status::bad_request);
  const auto body = Body(res);
  ASSERT_TRUE(body.contains("errors")) << res.body();
  const auto& errors = body.at("errors").as_array();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].at("field").as_string(), "time_zone");
  EXPECT_EQ(errors[0].at("message").as_string(), "is not a known zone");
  EXPECT_EQ(errors[1].at("field").as_string(), "name");
  EXPECT_EQ(errors[1].at("message").as_string(), "must be at most 80 \"characters\"");
}

TEST(Problem, BuildsAnyProblemDirectly) {
  const Response res = Problem(beast_http::status::payload_too_large, "payload-too-large",
                               "Payload Too Large", "The body is larger than 1 MiB.");
  EXPECT_EQ(res.result(), beast_http::status::payload_too_large);
  EXPECT_EQ(ContentType(res), "application/problem+json");
  const auto body = Body(res);
  EXPECT_EQ(body.at("type").as_string(), "urn:securebase:problem:payload-too-large");
  EXPECT_EQ(body.at("title").as_string(), "Payload Too Large");
  EXPECT_EQ(body.at("status").to_number<int>(), 413);
  EXPECT_EQ(body.at("detail").as_string(), "The body is larger than 1 MiB.");
  EXPECT_EQ(body.size(), 4u);
}

}  // namespace
}  // namespace securebase::http
