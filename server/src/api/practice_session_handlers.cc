#include "api/practice_session_handlers.h"

#include <boost/json.hpp>

#include <algorithm>
#include <charconv>
#include <climits>

#include "api/access_guard.h"
#include "api/json_body.h"
#include "api/practice_session_json.h"
#include "api/query_params.h"
#include "common/rfc3339.h"
#include "http/problem.h"
#include "http/response.h"

namespace securebase::api {

using boost::beast::http::status;

namespace {}  // namespace

http::Handler PostPracticeSessionHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    auto body = ParseJsonObject(req);
    if (!body) co_return http::ProblemFromError(body.error());
    const auto content = ctx.catalog.Current();
    DecodedPracticeSession decoded = DecodePracticeSession(*body);
    if (!decoded.errors.empty()) {
      // Name every field at once: what could not be read, and the rules
      // the rest breaks.
      std::vector<FieldError> errors = std::move(decoded.errors);
      for (auto& e :
           domain::CheckPracticeSession(decoded.draft, content->practices, ctx.clock.Now())) {
        const bool named = std::any_of(errors.begin(), errors.end(),
                                       [&](const FieldError& f) { return f.field == e.field; });
        if (!named) errors.push_back(std::move(e));
      }
      co_return Refused(std::move(errors));
    }
    const std::string user = CallerSession(req).user_id;
    auto recorded = co_await ctx.pool.Run(
        [&] { return ctx.practice.sessions.Record(content->practices, user, decoded.draft); });
    if (!recorded) co_return http::ProblemFromError(recorded.error());
    co_return http::Json(recorded->created ? status::created : status::ok,
                         EncodePracticeSession(recorded->session));
  };
}

http::Handler ListPracticeSessionsHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    std::vector<FieldError> errors;
    std::optional<Instant> before;
    if (const auto text = QueryValue(req, "before")) {
      before = ParseRfc3339(*text);
      if (!before) {
        errors.push_back({"before",
                          "must be a date and time such as 2026-11-29T08:00:00Z, as "
                          "given in next_before"});
      }
    }
    const int limit = QueryInt(req, "limit", "must be a whole number from 1 to 100", errors)
                          .value_or(domain::kDefaultPracticePageSize);
    if (!errors.empty()) co_return Refused(std::move(errors));
    const std::string user = CallerSession(req).user_id;
    auto page =
        co_await ctx.pool.Run([&] { return ctx.practice.sessions.History(user, before, limit); });
    if (!page) co_return http::ProblemFromError(page.error());
    co_return http::Json(status::ok, EncodePracticeSessionPage(*page));
  };
}

http::Handler GetPracticeStatsHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    std::vector<FieldError> errors;
    std::optional<std::string> zone;
    if (const auto tz = QueryValue(req, "tz")) zone = std::string(*tz);
    const int weeks = QueryInt(req, "weeks", "must be a whole number from 1 to 52", errors)
                          .value_or(domain::kDefaultStatsWeeks);
    if (!errors.empty()) co_return Refused(std::move(errors));
    const auto content = ctx.catalog.Current();
    const std::string user = CallerSession(req).user_id;
    auto stats = co_await ctx.pool.Run(
        [&] { return ctx.practice.sessions.Stats(content->practices, user, zone, weeks); });
    if (!stats) co_return http::ProblemFromError(stats.error());
    co_return http::Json(status::ok, EncodePracticeStats(*stats));
  };
}

}  // namespace securebase::api
