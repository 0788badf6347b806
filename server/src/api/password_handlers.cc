#include "api/password_handlers.h"

#include "api/access_guard.h"
#include "api/json_body.h"
#include "api/json_fields.h"
#include "api/request_context.h"
#include "api/security_log.h"
#include "api/session_cookies.h"
#include "http/problem.h"
#include "http/response.h"

namespace securebase::api {

using boost::beast::http::field;
using boost::beast::http::status;

http::Handler ForgotPasswordHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    auto body = ParseJsonObject(req);
    if (!body) co_return http::ProblemFromError(body.error());
    JsonFields f(*body);
    const std::string email = f.Text("email");
    if (auto ok = f.Check(); !ok) co_return http::ProblemFromError(ok.error());
    const Status done =
        co_await ctx.pool.Run([&ctx, &email] { return ctx.accounts.passwords.Forgot(email); });
    if (!done) co_return http::ProblemFromError(done.error());
    co_return http::Json(status::accepted, {{"status", "check-email"}});
  };
}

http::Handler ResetPasswordHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    auto body = ParseJsonObject(req);
    if (!body) co_return http::ProblemFromError(body.error());
    JsonFields f(*body);
    const std::string token = f.Text("token");
    const std::string password = f.Text("password");
    if (auto ok = f.Check(); !ok) co_return http::ProblemFromError(ok.error());
    if (auto busy = HashingBusy(ctx)) co_return std::move(*busy);
    SecurityLog events(req);
    const Status done = co_await ctx.hashing.Run(
        [&] { return ctx.accounts.passwords.Reset(token, password, events); });
    if (!done) co_return http::ProblemFromError(done.error());
    co_return http::NoContent();
  };
}

http::Handler ChangePasswordHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    auto body = ParseJsonObject(req);
    if (!body) co_return http::ProblemFromError(body.error());
    JsonFields f(*body);
    const std::string current = f.Text("current_password");
    const std::string next = f.Text("new_password");
    if (auto ok = f.Check(); !ok) co_return http::ProblemFromError(ok.error());
    if (auto busy = HashingBusy(ctx)) co_return std::move(*busy);
    const domain::Session session = CallerSession(req);
    const std::string address = ClientAddress(req, ctx.web);
    auto started = co_await ctx.hashing.Run(
        [&] { return ctx.accounts.passwords.Change(session, current, next, address); });
    if (!started) {
      SecurityLog(req).RecordWrongCredentials(started.error(), session.user_id);
      co_return http::ProblemFromError(started.error());
    }
    SecurityLog(req).Record(domain::SecurityEvent::kPasswordChanged, session.user_id);
    http::Response res = http::NoContent();
    res.insert(field::set_cookie,
               SessionCookie(ctx.web, started->token,
                             ctx.accounts.parts.sessions.CookieLifetime(started->session.role)));
    co_return res;
  };
}

}  // namespace securebase::api
