#include "api/email_handlers.h"

#include "api/access_guard.h"
#include "api/json_body.h"
#include "api/json_fields.h"
#include "api/request_context.h"
#include "api/security_log.h"
#include "http/problem.h"
#include "http/response.h"

namespace securebase::api {

using boost::beast::http::status;

http::Handler ChangeEmailHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    auto body = ParseJsonObject(req);
    if (!body) co_return http::ProblemFromError(body.error());
    JsonFields f(*body);
    const std::string password = f.Text("password");
    const std::string new_email = f.Text("new_email");
    if (auto ok = f.Check(); !ok) co_return http::ProblemFromError(ok.error());
    if (auto busy = HashingBusy(ctx)) co_return std::move(*busy);
    const std::string user_id = req.caller ? req.caller->user_id : std::string();
    const std::string address = ClientAddress(req, ctx.web);
    const Status done = co_await ctx.hashing.Run(
        [&] { return ctx.accounts.email_change.Request(user_id, password, new_email, address); });
    if (!done) {
      SecurityLog(req).RecordWrongCredentials(done.error(), user_id);
      co_return http::ProblemFromError(done.error());
    }
    co_return http::Json(status::accepted, {{"status", "check-email"}});
  };
}

http::Handler ConfirmEmailHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    auto body = ParseJsonObject(req);
    if (!body) co_return http::ProblemFromError(body.error());
    JsonFields f(*body);
    const std::string token = f.Text("token");
    if (auto ok = f.Check(); !ok) co_return http::ProblemFromError(ok.error());
    SecurityLog events(req);
    auto email =
        co_await ctx.pool.Run([&] { return ctx.accounts.email_change.Confirm(token, events); });
    if (!email) co_return http::ProblemFromError(email.error());
    co_return http::Json(status::ok, {{"email", *email}});
  };
}

}  // namespace securebase::api
