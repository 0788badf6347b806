#include "api/session_list_handlers.h"

#include <boost/json.hpp>

#include "api/access_guard.h"
#include "api/security_log.h"
#include "common/rfc3339.h"
#include "http/problem.h"
#include "http/response.h"

namespace securebase::api {

namespace json = boost::json;
using boost::beast::http::status;

http::Handler ListSessionsHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const auto caller = CallerSession(req);
    auto live =
        co_await ctx.pool.Run([&] { return ctx.accounts.parts.sessions.ListFor(caller.user_id); });
    if (!live) co_return http::ProblemFromError(live.error());
    json::array list;
    for (const auto& s : *live) {
      list.push_back(json::object{
          {"id", domain::PublicSessionId(s.id)},
          {"created_at", Rfc3339(s.created_at)},
          {"last_seen_at", Rfc3339(s.last_seen_at)},
          {"expires_at", Rfc3339(std::min(s.idle_expires_at, s.absolute_expires_at))},
          {"current", s.id == caller.id},
      });
    }
    co_return http::Json(status::ok, json::object{{"sessions", std::move(list)}});
  };
}

http::Handler EndSessionHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const auto caller = CallerSession(req);
    const std::string id(req.Param("id"));
    auto ended = co_await ctx.pool.Run(
        [&] { return ctx.accounts.parts.sessions.EndOne(caller.user_id, id); });
    if (!ended) co_return http::ProblemFromError(ended.error());
    if (!*ended) {
      co_return http::ProblemFromError(
          NotFound("There is no signed-in browser with that id on your account.").error());
    }
    SecurityLog(req).Record(domain::SecurityEvent::kSessionsRevoked, caller.user_id);
    co_return http::NoContent();
  };
}

http::Handler EndOtherSessionsHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const auto caller = CallerSession(req);
    auto ended = co_await ctx.pool.Run(
        [&] { return ctx.accounts.parts.sessions.EndOthersFor(caller.user_id, caller.id); });
    if (!ended) co_return http::ProblemFromError(ended.error());
    SecurityLog(req).Record(domain::SecurityEvent::kSessionsRevoked, caller.user_id);
    co_return http::NoContent();
  };
}

}  // namespace securebase::api
