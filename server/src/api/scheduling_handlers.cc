#include "api/scheduling_handlers.h"

#include <boost/json.hpp>

#include "api/json_body.h"
#include "api/query_params.h"
#include "api/scheduling_json.h"
#include "http/problem.h"
#include "http/response.h"

namespace securebase::api {

using boost::beast::http::status;
namespace json = boost::json;

namespace {

json::object TypeList(const std::vector<domain::SessionType>& types) {
  json::array out;
  for (const auto& t : types) out.push_back(EncodeSessionType(t));
  return {{"session_types", std::move(out)}};
}

}  // namespace

http::Handler GetScheduleHandler(ApiContext& ctx) {
  return [&ctx](http::Request&) -> boost::asio::awaitable<http::Response> {
    auto schedule = co_await ctx.pool.Run([&] { return ctx.scheduling.setup.GetSchedule(); });
    if (!schedule) co_return http::ProblemFromError(schedule.error());
    co_return http::Json(status::ok, EncodeSchedule(*schedule));
  };
}

http::Handler PutScheduleHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    auto body = ParseJsonObject(req);
    if (!body) co_return http::ProblemFromError(body.error());
    auto decoded = DecodeSchedule(*body);
    if (!decoded.errors.empty()) co_return Refused(std::move(decoded.errors));
    auto saved =
        co_await ctx.pool.Run([&] { return ctx.scheduling.setup.SaveSchedule(decoded.value); });
    if (!saved) co_return http::ProblemFromError(saved.error());
    co_return http::Json(status::ok, EncodeSchedule(decoded.value));
  };
}

http::Handler GetBookingSettingsHandler(ApiContext& ctx) {
  return [&ctx](http::Request&) -> boost::asio::awaitable<http::Response> {
    auto settings = co_await ctx.pool.Run([&] { return ctx.scheduling.setup.GetSettings(); });
    if (!settings) co_return http::ProblemFromError(settings.error());
    co_return http::Json(status::ok, EncodeBookingSettings(*settings));
  };
}

http::Handler PutBookingSettingsHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    auto body = ParseJsonObject(req);
    if (!body) co_return http::ProblemFromError(body.error());
    auto decoded = DecodeBookingSettings(*body);
    if (!decoded.errors.empty()) co_return Refused(std::move(decoded.errors));
    auto saved =
        co_await ctx.pool.Run([&] { return ctx.scheduling.setup.SaveSettings(decoded.value); });
    if (!saved) co_return http::ProblemFromError(saved.error());
    co_return http::Json(status::ok, EncodeBookingSettings(decoded.value));
  };
}

http::Handler ListSessionTypesHandler(ApiContext& ctx) {
  return [&ctx](http::Request&) -> boost::asio::awaitable<http::Response> {
    auto types = co_await ctx.pool.Run([&] { return ctx.scheduling.setup.Types(true); });
    if (!types) co_return http::ProblemFromError(types.error());
    co_return http::Json(status::ok, TypeList(*types));
  };
}

http::Handler PostSessionTypeHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    auto body = ParseJsonObject(req);
    if (!body) co_return http::ProblemFromError(body.error());
    auto decoded = DecodeSessionType(*body);
    if (!decoded.errors.empty()) co_return Refused(std::move(decoded.errors));
    auto added = co_await ctx.pool.Run([&] { return ctx.scheduling.setup.AddType(decoded.value); });
    if (!added) co_return http::ProblemFromError(added.error());
    co_return http::Json(status::created, EncodeSessionType(*added));
  };
}

http::Handler PutSessionTypeHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    auto body = ParseJsonObject(req);
    if (!body) co_return http::ProblemFromError(body.error());
    auto decoded = DecodeSessionType(*body);
    if (!decoded.errors.empty()) co_return Refused(std::move(decoded.errors));
    const std::string id(req.Param("id"));
    auto replaced =
        co_await ctx.pool.Run([&] { return ctx.scheduling.setup.ReplaceType(id, decoded.value); });
    if (!replaced) co_return http::ProblemFromError(replaced.error());
    co_return http::Json(status::ok, EncodeSessionType(*replaced));
  };
}

http::Handler DeleteSessionTypeHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const std::string id(req.Param("id"));
    auto archived = co_await ctx.pool.Run([&] { return ctx.scheduling.setup.ArchiveType(id); });
    if (!archived) co_return http::ProblemFromError(archived.error());
    co_return http::NoContent();
  };
}

}  // namespace securebase::api
