#include "api/setup_handlers.h"

#include <boost/json.hpp>

#include "api/json_body.h"
#include "http/problem.h"
#include "http/response.h"

namespace securebase::api {
namespace {

namespace json = boost::json;
using boost::beast::http::status;

// The text fields of the setup form; a missing field is empty (and the
// account rules then say what it needs), a field of another type is named.
Result<std::pair<std::string, domain::NewAccount>> DecodeSetup(const json::object& body) {
  std::vector<FieldError> wrong_type;
  const auto text = [&](std::string_view key) -> std::string {
    const auto* v = body.if_contains(key);
    if (!v || v->is_null()) return {};
    if (!v->is_string()) {
      wrong_type.push_back({std::string(key), "must be text"});
      return {};
    }
    return std::string(v->as_string());
  };
  domain::NewAccount account;
  std::string token = text("token");
  account.email = text("email");
  account.password = text("password");
  account.display_name = text("display_name");
  if (auto tz = text("time_zone"); !tz.empty()) account.time_zone = tz;
  if (auto country = text("country"); !country.empty()) account.country = country;
  account.email_verified = false;
  if (!wrong_type.empty())
    return InvalidArgument("Please check these details.", std::move(wrong_type));
  return std::pair{std::move(token), std::move(account)};
}

}  // namespace

http::Handler GetSetupHandler(ApiContext& ctx) {
  return [&ctx](http::Request&) -> boost::asio::awaitable<http::Response> {
    const Result<bool> needed = co_await ctx.pool.Run([&ctx] { return ctx.setup.Needed(); });
    if (!needed) co_return http::ProblemFromError(needed.error());
    co_return http::Json(status::ok, {{"needed", *needed}});
  };
}

http::Handler PostSetupHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    auto body = ParseJsonObject(req);
    if (!body) co_return http::ProblemFromError(body.error());
    auto decoded = DecodeSetup(*body);
    if (!decoded) co_return http::ProblemFromError(decoded.error());
    // Password hashing is slow on purpose: off the I/O thread.
    const Result<domain::User> user = co_await ctx.pool.Run(
        [&ctx, &decoded] { return ctx.setup.Complete(decoded->first, decoded->second); });
    if (!user) co_return http::ProblemFromError(user.error());
    co_return http::Json(
        status::created,
        {{"id", user->id}, {"email", user->email}, {"role", domain::RoleName(user->role)}});
  };
}

}  // namespace securebase::api
