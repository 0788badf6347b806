#include "api/setup_handlers.h"

#include <boost/json.hpp>

#include "api/json_body.h"
#include "api/json_fields.h"
#include "http/problem.h"
#include "http/response.h"

namespace securebase::api {
namespace {

namespace json = boost::json;
using boost::beast::http::status;

// The setup form: the token and the practitioner's account fields.
Result<std::pair<std::string, domain::NewAccount>> DecodeSetup(const json::object& body) {
  JsonFields f(body);
  domain::NewAccount account;
  std::string token = f.Text("token");
  account.email = f.Text("email");
  account.password = f.Text("password");
  account.display_name = f.Text("display_name");
  if (auto tz = f.Text("time_zone"); !tz.empty()) account.time_zone = tz;
  if (auto country = f.Text("country"); !country.empty()) account.country = country;
  // Whoever holds the setup token reads the server's log: the operator,
  // trusted like `securebase user add`. The practitioner can then log in
  // before mail is configured.
  account.email_verified = true;
  if (auto ok = f.Check(); !ok) return std::unexpected(ok.error());
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
