#include "api/practice_handlers.h"

#include <boost/json.hpp>

#include "api/practice_json.h"
#include "http/problem.h"
#include "http/response.h"

namespace securebase::api {

using boost::beast::http::status;

http::Handler ListPracticesHandler(ApiContext& ctx) {
  return [&ctx](http::Request&) -> boost::asio::awaitable<http::Response> {
    const auto content = ctx.catalog.Current();
    boost::json::array list;
    for (const auto& p : content->practices) list.push_back(EncodePractice(p));
    co_return http::Json(status::ok, boost::json::object{{"practices", std::move(list)}});
  };
}

http::Handler GetPracticeHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const auto content = ctx.catalog.Current();
    const auto* p = domain::FindPractice(content->practices, req.Param("id"));
    if (!p)
      co_return http::ProblemFromError(NotFound("There is no practice with this id.").error());
    co_return http::Json(status::ok, EncodePractice(*p));
  };
}

}  // namespace securebase::api
