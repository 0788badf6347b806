#include "api/crisis_lines_handlers.h"

#include <boost/json.hpp>

#include "http/problem.h"
#include "http/response.h"

namespace securebase::api {
namespace {

namespace json = boost::json;
using boost::beast::http::status;

void SetIfPresent(json::object& o, std::string_view key, const std::string& value) {
  if (!value.empty()) o[key] = value;
}

json::object Encode(const domain::CountryCrisisLines& c) {
  json::array lines;
  for (const auto& l : c.lines) {
    json::object o{{"id", l.id},
                   {"name", l.name},
                   {"description", l.description},
                   {"hours", l.hours},
                   {"last_verified", l.last_verified}};
    SetIfPresent(o, "phone", l.phone);
    SetIfPresent(o, "sms", l.sms);
    SetIfPresent(o, "sms_keyword", l.sms_keyword);
    SetIfPresent(o, "url", l.url);
    lines.push_back(std::move(o));
  }
  return {{"country", c.country},
          {"name", c.name},
          {"emergency", c.emergency},
          {"last_verified", c.last_verified},
          {"lines", std::move(lines)}};
}

}  // namespace

http::Handler CrisisLinesHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const auto country = req.Query("country");
    // Held for the request: the answer comes from one snapshot (catalog.h).
    const auto content = ctx.catalog.Current();
    if (!country) {
      json::array countries;
      for (const auto& c : content->crisis.Countries()) {
        countries.push_back({{"code", c.code}, {"name", c.name}});
      }
      co_return http::Json(status::ok, {{"countries", std::move(countries)}});
    }
    const auto found = content->crisis.Find(*country);
    if (!found) co_return http::ProblemFromError(found.error());
    co_return http::Json(status::ok, Encode(**found));
  };
}

}  // namespace securebase::api
