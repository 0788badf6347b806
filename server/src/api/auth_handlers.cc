#include "api/auth_handlers.h"

#include "api/access_guard.h"
#include "api/json_body.h"
#include "api/json_fields.h"
#include "api/me_handlers.h"
#include "api/request_context.h"
#include "api/security_log.h"
#include "api/session_cookies.h"
#include "http/problem.h"
#include "http/response.h"

namespace securebase::api {
namespace {

using boost::beast::http::field;
using boost::beast::http::status;

http::Response CheckEmail() {
  return http::Json(status::accepted, {{"status", "check-email"}});
}

}  // namespace

http::Handler SignUpHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    auto body = ParseJsonObject(req);
    if (!body) co_return http::ProblemFromError(body.error());
    JsonFields f(*body);
    domain::NewAccount account;
    account.email = f.Text("email");
    account.password = f.Text("password");
    account.display_name = f.Text("display_name");
    account.time_zone = f.Text("time_zone");
    account.country = f.Text("country");
    if (auto ok = f.Check(); !ok) co_return http::ProblemFromError(ok.error());
    if (auto busy = HashingBusy(ctx)) co_return std::move(*busy);
    const Status done = co_await ctx.hashing.Run(
        [&ctx, &account] { return ctx.accounts.registration.SignUp(account); });
    if (!done) co_return http::ProblemFromError(done.error());
    co_return CheckEmail();
  };
}

http::Handler VerifyEmailHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    auto body = ParseJsonObject(req);
    if (!body) co_return http::ProblemFromError(body.error());
    JsonFields f(*body);
    const std::string token = f.Text("token");
    if (auto ok = f.Check(); !ok) co_return http::ProblemFromError(ok.error());
    const Status done = co_await ctx.pool.Run(
        [&ctx, &token] { return ctx.accounts.registration.VerifyEmail(token); });
    if (!done) co_return http::ProblemFromError(done.error());
    co_return http::Json(status::ok, {{"verified", true}});
  };
}

http::Handler ResendVerificationHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    auto body = ParseJsonObject(req);
    if (!body) co_return http::ProblemFromError(body.error());
    JsonFields f(*body);
    const std::string email = f.Text("email");
    if (auto ok = f.Check(); !ok) co_return http::ProblemFromError(ok.error());
    const Status done = co_await ctx.pool.Run(
        [&ctx, &email] { return ctx.accounts.registration.ResendVerification(email); });
    if (!done) co_return http::ProblemFromError(done.error());
    co_return CheckEmail();
  };
}

http::Handler LoginHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    auto body = ParseJsonObject(req);
    if (!body) co_return http::ProblemFromError(body.error());
    JsonFields f(*body);
    const std::string email = f.Text("email");
    const std::string password = f.Text("password");
    if (auto ok = f.Check(); !ok) co_return http::ProblemFromError(ok.error());
    if (auto busy = HashingBusy(ctx)) co_return std::move(*busy);
    const std::string address = ClientAddress(req, ctx.web);
    // The browser's session before this log-in, if any: it ends (login.h).
    const std::string earlier(req.Cookie(SessionCookieName(ctx.web)).value_or(""));
    SecurityLog events(req);
    auto result = co_await ctx.hashing.Run(
        [&]() -> Result<std::pair<domain::StartedSession, boost::json::object>> {
          auto in = ctx.accounts.login.LogIn(email, password, address, earlier, events);
          if (!in) return std::unexpected(in.error());
          auto me = LoadMe(ctx, in->user.id, in->started.session.two_factor);
          if (!me) return std::unexpected(me.error());
          return std::pair{std::move(in->started), std::move(*me)};
        });
    if (!result) co_return http::ProblemFromError(result.error());
    auto& [started, me] = *result;
    const auto state = started.session.two_factor;
    me["mfa_required"] = state == domain::TwoFactorState::kPending;
    me["mfa_enrollment_required"] = state == domain::TwoFactorState::kEnrollmentRequired;
    http::Response res = http::Json(status::ok, me);
    res.insert(field::set_cookie,
               SessionCookie(ctx.web, started.token,
                             ctx.accounts.parts.sessions.CookieLifetime(started.session.role)));
    co_return res;
  };
}

http::Handler LogoutHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const std::string id = req.caller ? req.caller->session_id : std::string();
    const Status done =
        co_await ctx.pool.Run([&ctx, &id] { return ctx.accounts.parts.sessions.End(id); });
    if (!done) co_return http::ProblemFromError(done.error());
    co_return SignedOut(ctx.web);
  };
}

}  // namespace securebase::api
