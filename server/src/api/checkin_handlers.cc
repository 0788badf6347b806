#include "api/checkin_handlers.h"

#include <boost/json.hpp>

#include <algorithm>
#include <climits>

#include "api/access_guard.h"
#include "api/checkin_json.h"
#include "api/json_body.h"
#include "http/problem.h"
#include "http/response.h"

namespace securebase::api {

namespace json = boost::json;
using boost::beast::http::status;

namespace {

struct Submission {
  std::string questionnaire_id;
  domain::Answers answers;
};

// The body's shape; the answers' values are checked against the
// questionnaire by the domain (domain/assessment/scoring.h).
Result<Submission> ReadSubmission(const json::object& body) {
  Submission out;
  std::vector<FieldError> errors;
  const json::value* id = body.if_contains("questionnaire_id");
  if (id && id->is_string() && !id->as_string().empty()) {
    out.questionnaire_id = std::string(id->as_string());
  } else {
    errors.push_back({"questionnaire_id", "is required: the id of the questionnaire answered"});
  }
  const json::value* answers = body.if_contains("answers");
  if (!answers || !answers->is_object()) {
    errors.push_back(
        {"answers", "is required: an object of item ids and answers, like {\"anx-01\": 5}"});
  } else {
    for (const auto& [key, value] : answers->as_object()) {
      const std::string item(key);
      if (value.is_int64()) {
        // Far outside the scale either way: the domain says so.
        out.answers[item] =
            static_cast<int>(std::clamp<std::int64_t>(value.as_int64(), INT_MIN, INT_MAX));
      } else if (value.is_uint64()) {
        out.answers[item] = INT_MAX;
      } else {
        errors.push_back({"answers." + item, "must be a whole number"});
      }
    }
  }
  if (!errors.empty()) {
    const std::string message = errors.front().field + " " + errors.front().message + ".";
    return InvalidArgument(message, std::move(errors));
  }
  return out;
}

std::optional<std::string> IdempotencyKey(const http::Request& req) {
  const auto it = req.message.find("Idempotency-Key");
  if (it == req.message.end()) return std::nullopt;
  return std::string(it->value());
}

}  // namespace

http::Handler PostCheckinHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    auto body = ParseJsonObject(req);
    if (!body) co_return http::ProblemFromError(body.error());
    auto submission = ReadSubmission(*body);
    if (!submission) co_return http::ProblemFromError(submission.error());
    const auto content = ctx.catalog.Current();
    const domain::Questionnaire* q =
        domain::FindQuestionnaire(content->questionnaires, submission->questionnaire_id);
    if (!q) {
      co_return http::ProblemFromError(
          InvalidArgument("There is no questionnaire with this id.",
                          {{"questionnaire_id", "is not a questionnaire on this site"}})
              .error());
    }
    const std::string user = CallerSession(req).user_id;
    auto key = IdempotencyKey(req);
    auto submitted = co_await ctx.pool.Run([&] {
      return ctx.assessment.checkins.Submit(*q, user, submission->answers, std::move(key));
    });
    if (!submitted) co_return http::ProblemFromError(submitted.error());
    co_return http::Json(submitted->created ? status::created : status::ok,
                         EncodeCheckin(submitted->result, content->questionnaires));
  };
}

http::Handler ListCheckinsHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const auto content = ctx.catalog.Current();
    const std::string user = CallerSession(req).user_id;
    std::optional<std::string_view> filter = req.Query("questionnaire");
    if (filter && filter->empty()) filter.reset();
    auto history = co_await ctx.pool.Run(
        [&] { return ctx.assessment.checkins.History(content->questionnaires, user, filter); });
    if (!history) co_return http::ProblemFromError(history.error());
    json::array list;
    for (const auto& r : *history) list.push_back(EncodeCheckin(r, content->questionnaires));
    co_return http::Json(status::ok, json::object{{"checkins", std::move(list)}});
  };
}

http::Handler GetCheckinHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const auto content = ctx.catalog.Current();
    const std::string user = CallerSession(req).user_id;
    const std::string id(req.Param("id"));
    auto result = co_await ctx.pool.Run(
        [&] { return ctx.assessment.checkins.Get(content->questionnaires, user, id); });
    if (!result) co_return http::ProblemFromError(result.error());
    co_return http::Json(status::ok, EncodeCheckin(*result, content->questionnaires));
  };
}

http::Handler GetPlanHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const auto content = ctx.catalog.Current();
    const std::string user = CallerSession(req).user_id;
    auto plan = co_await ctx.pool.Run([&] {
      return ctx.assessment.checkins.PlanFor(content->questionnaires, content->courses, user,
                                             content->practices);
    });
    if (!plan) co_return http::ProblemFromError(plan.error());
    co_return http::Json(status::ok, EncodePlan(*plan, ctx.assessment.checkins.cadence_days()));
  };
}

}  // namespace securebase::api
