#include "api/health_handlers.h"

#include <boost/json/value.hpp>

#include "api/metrics_access.h"
#include "http/problem.h"
#include "http/response.h"

namespace securebase::api {

namespace beast_http = boost::beast::http;

http::Handler HealthzHandler(ApiContext&) {
  return [](http::Request&) -> boost::asio::awaitable<http::Response> {
    co_return http::Json(beast_http::status::ok, {{"status", "ok"}});
  };
}

http::Handler ReadyzHandler(ApiContext& ctx) {
  return [&ctx](http::Request&) -> boost::asio::awaitable<http::Response> {
    const Status db = co_await ctx.pool.Run([&ctx] { return ctx.check_database(); });
    if (!db) {
      co_return http::Problem(beast_http::status::service_unavailable, "not-ready", "Not ready",
                              "The database is not answering yet.");
    }
    co_return http::Json(beast_http::status::ok, {{"status", "ready"}});
  };
}

http::Handler MetricsHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    if (!MayReadMetrics(req, ctx.metrics_token)) co_return http::NothingHere();
    co_return http::Text(beast_http::status::ok, ctx.metrics.RenderPrometheus(),
                         "text/plain; version=0.0.4; charset=utf-8");
  };
}

}  // namespace securebase::api
