#include "api/waitlist_handlers.h"

#include <boost/json.hpp>

#include "api/access_guard.h"
#include "api/booking_json.h"
#include "api/json_body.h"
#include "api/json_reader.h"
#include "api/query_params.h"
#include "common/rfc3339.h"
#include "http/problem.h"
#include "http/response.h"

namespace securebase::api {

using boost::beast::http::status;
namespace json = boost::json;

http::Handler ListWaitlistHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const std::string user = CallerSession(req).user_id;
    auto places = co_await ctx.pool.Run([&] { return ctx.scheduling.waitlist.ForClient(user); });
    if (!places) co_return http::ProblemFromError(places.error());
    json::array out;
    for (const auto& e : *places) out.push_back(EncodeWaitlistEntry(e));
    co_return http::Json(status::ok, json::object{{"entries", std::move(out)}});
  };
}

http::Handler JoinWaitlistHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    auto body = ParseJsonObject(req);
    if (!body) co_return http::ProblemFromError(body.error());
    std::vector<FieldError> errors;
    JsonReader r(errors, /*strict=*/true);
    r.OnlyKnown(*body, "", {"session_type"});
    const std::string type = r.Text(*body, "", "session_type");
    if (type.empty() && errors.empty()) r.Fail("session_type", "is required");
    if (!errors.empty()) co_return Refused(std::move(errors));
    const std::string user = CallerSession(req).user_id;
    auto joined = co_await ctx.pool.Run([&] { return ctx.scheduling.waitlist.Join(user, type); });
    if (!joined) co_return http::ProblemFromError(joined.error());
    co_return http::Json(status::created, EncodeWaitlistEntry(*joined));
  };
}

http::Handler LeaveWaitlistHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const std::string user = CallerSession(req).user_id;
    const std::string id(req.Param("id"));
    auto left = co_await ctx.pool.Run([&] { return ctx.scheduling.waitlist.Leave(user, id); });
    if (!left) co_return http::ProblemFromError(left.error());
    co_return http::NoContent();
  };
}

http::Handler ConsoleWaitlistHandler(ApiContext& ctx) {
  return [&ctx](http::Request&) -> boost::asio::awaitable<http::Response> {
    auto places = co_await ctx.pool.Run([&] { return ctx.scheduling.waitlist.AllWithClients(); });
    if (!places) co_return http::ProblemFromError(places.error());
    json::array out;
    for (const auto& p : *places) {
      json::object row = EncodeWaitlistEntry(p.entry);
      row["client"] = json::object{
          {"id", p.client.id}, {"display_name", p.client.display_name}, {"email", p.client.email}};
      out.push_back(std::move(row));
    }
    co_return http::Json(status::ok, json::object{{"entries", std::move(out)}});
  };
}

http::Handler GetCalendarFeedHandler(ApiContext& ctx) {
  return [&ctx](http::Request&) -> boost::asio::awaitable<http::Response> {
    auto state = co_await ctx.pool.Run([&] { return ctx.scheduling.feed.State(); });
    if (!state) co_return http::ProblemFromError(state.error());
    co_return http::Json(
        status::ok,
        json::object{{"active", state->active},
                     {"created_at",
                      state->created_at ? json::value(Rfc3339(*state->created_at)) : nullptr}});
  };
}

http::Handler CreateCalendarFeedHandler(ApiContext& ctx) {
  return [&ctx](http::Request&) -> boost::asio::awaitable<http::Response> {
    auto url = co_await ctx.pool.Run([&] { return ctx.scheduling.feed.Create(); });
    if (!url) co_return http::ProblemFromError(url.error());
    co_return http::Json(status::created, json::object{{"url", *url}});
  };
}

http::Handler RevokeCalendarFeedHandler(ApiContext& ctx) {
  return [&ctx](http::Request&) -> boost::asio::awaitable<http::Response> {
    auto revoked = co_await ctx.pool.Run([&] { return ctx.scheduling.feed.Revoke(); });
    if (!revoked) co_return http::ProblemFromError(revoked.error());
    co_return http::NoContent();
  };
}

http::Handler CalendarFileHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    std::string file(req.Param("file"));
    if (!file.ends_with(".ics")) {
      co_return http::ProblemFromError(
          Error{ErrorCode::kNotFound, "There is no calendar here.", {}});
    }
    file.resize(file.size() - 4);
    auto ics = co_await ctx.pool.Run([&] { return ctx.scheduling.feed.Render(file); });
    if (!ics) co_return http::ProblemFromError(ics.error());
    http::Response res = http::Text(status::ok, std::move(*ics), "text/calendar; charset=utf-8");
    res.set(boost::beast::http::field::cache_control, "no-store");
    co_return res;
  };
}

}  // namespace securebase::api
