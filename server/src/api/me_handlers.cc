#include "api/me_handlers.h"

#include "api/access_guard.h"
#include "api/json_body.h"
#include "api/json_fields.h"
#include "api/me_json.h"
#include "api/request_context.h"
#include "api/security_log.h"
#include "api/session_cookies.h"
#include "domain/accounts/profile.h"
#include "http/problem.h"
#include "http/response.h"

namespace securebase::api {

using boost::beast::http::status;

Result<boost::json::object> LoadMe(ApiContext& ctx, std::string_view user_id,
                                   domain::TwoFactorState session_state) {
  auto user = ctx.accounts.parts.users.FindById(user_id);
  if (!user) return std::unexpected(user.error());
  if (!*user) return Fail(ErrorCode::kUnauthenticated, "Please log in again.");
  auto tf = ctx.accounts.two_factor.StatusFor(user_id);
  if (!tf) return std::unexpected(tf.error());
  return EncodeMe(**user, *tf, session_state);
}

http::Handler GetMeHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const domain::Session s = CallerSession(req);
    auto me = co_await ctx.pool.Run([&] { return LoadMe(ctx, s.user_id, s.two_factor); });
    if (!me) co_return http::ProblemFromError(me.error());
    co_return http::Json(status::ok, *me);
  };
}

http::Handler PatchMeHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    auto body = ParseJsonObject(req);
    if (!body) co_return http::ProblemFromError(body.error());
    JsonFields f(*body);
    domain::ProfileChanges changes{f.OptionalText("display_name"), f.OptionalText("time_zone"),
                                   f.OptionalText("country")};
    if (auto ok = f.Check(); !ok) co_return http::ProblemFromError(ok.error());
    const domain::Session s = CallerSession(req);
    auto me = co_await ctx.pool.Run([&]() -> Result<boost::json::object> {
      auto updated = domain::UpdateProfile(ctx.accounts.parts, s.user_id, changes);
      if (!updated) return std::unexpected(updated.error());
      return LoadMe(ctx, s.user_id, s.two_factor);
    });
    if (!me) co_return http::ProblemFromError(me.error());
    co_return http::Json(status::ok, *me);
  };
}

http::Handler DeleteMeHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    auto body = ParseJsonObject(req);
    if (!body) co_return http::ProblemFromError(body.error());
    JsonFields f(*body);
    const std::string password = f.Text("password");
    const std::string code = f.OptionalText("code").value_or("");
    if (auto ok = f.Check(); !ok) co_return http::ProblemFromError(ok.error());
    // The password check is argon2id: on the hashing pool, like a change.
    if (auto busy = HashingBusy(ctx)) co_return std::move(*busy);
    const domain::Session session = CallerSession(req);
    const std::string address = ClientAddress(req, ctx.web);
    auto deleted = co_await ctx.hashing.Run(
        [&] { return ctx.account_deletion.DeleteOwn(session, password, code, address); });
    if (!deleted) {
      SecurityLog(req).RecordWrongCredentials(deleted.error(), session.user_id);
      co_return http::ProblemFromError(deleted.error());
    }
    SecurityLog(req).Record(domain::SecurityEvent::kAccountDeleted, session.user_id);
    // Signed out as by log-out: the session is gone with the account.
    co_return SignedOut(ctx.web);
  };
}

}  // namespace securebase::api
