#include "api/client_handlers.h"

#include <boost/json.hpp>

#include "api/access_guard.h"
#include "api/share_json.h"
#include "http/problem.h"
#include "http/response.h"

namespace securebase::api {

namespace json = boost::json;
using boost::beast::http::status;

http::Handler ListClientsHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const std::string practitioner = CallerSession(req).user_id;
    auto clients = co_await ctx.pool.Run([&] { return ctx.sharing.clients.List(practitioner); });
    if (!clients) co_return http::ProblemFromError(clients.error());
    json::array list;
    for (const auto& c : *clients) list.push_back(EncodeClientSummary(c));
    co_return http::Json(status::ok, json::object{{"clients", std::move(list)}});
  };
}

http::Handler GetClientHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const std::string practitioner = CallerSession(req).user_id;
    const std::string id(req.Param("id"));
    auto record = co_await ctx.pool.Run([&] { return ctx.sharing.clients.Open(practitioner, id); });
    if (!record) co_return http::ProblemFromError(record.error());
    co_return http::Json(status::ok, EncodeClientRecord(*record));
  };
}

}  // namespace securebase::api
