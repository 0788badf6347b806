#include "api/mfa_handlers.h"

#include <boost/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "api/access_guard.h"
#include "api/json_body.h"
#include "api/json_fields.h"
#include "api/me_handlers.h"
#include "api/request_context.h"
#include "api/security_log.h"
#include "api/session_cookies.h"
#include "common/qr_svg.h"
#include "domain/accounts/totp.h"
#include "http/problem.h"
#include "http/response.h"

namespace securebase::api {
namespace {

using boost::beast::http::status;
using domain::TwoFactorService;
using domain::TwoFactorState;

// POST {code} → the service's check → Me with the session now passed, and
// the cookie of its new token (the one before the code no longer works).
using CodeCheck = Result<domain::StartedSession> (TwoFactorService::*)(const domain::Session&,
                                                                       std::string_view,
                                                                       std::string_view);

// The security events a code check's result shows (security_events.h): the
// account is the caller's, so the handler records them, not the service.
void RecordCodeCheck(domain::SecurityEvents& events, const std::string& user_id,
                     std::string_view code, const Result<domain::StartedSession>& checked,
                     domain::SecurityEvent on_success) {
  if (!checked) {
    if (checked.error().code == ErrorCode::kTooManyRequests)
      events.Record(domain::SecurityEvent::kMfaThrottled, user_id);
    else if (checked.error().type == "invalid-code")
      events.Record(domain::SecurityEvent::kMfaCodeWrong, user_id);
    return;
  }
  // Verify tells the two kinds of code apart by their shape, as this does:
  // one that passed without looking like an authenticator's was a recovery code.
  if (on_success == domain::SecurityEvent::kRecoveryCodeUsed && domain::LooksLikeTotpCode(code))
    return;
  events.Record(on_success, user_id);
}

http::Handler CodeHandler(ApiContext& ctx, CodeCheck check, domain::SecurityEvent on_success) {
  return [&ctx, check, on_success](http::Request& req) -> boost::asio::awaitable<http::Response> {
    auto body = ParseJsonObject(req);
    if (!body) co_return http::ProblemFromError(body.error());
    JsonFields f(*body);
    const std::string code = f.Text("code");
    if (auto ok = f.Check(); !ok) co_return http::ProblemFromError(ok.error());
    const domain::Session session = CallerSession(req);
    const std::string address = ClientAddress(req, ctx.web);
    std::string token;
    SecurityLog events(req);
    auto me = co_await ctx.pool.Run([&]() -> Result<boost::json::object> {
      auto renewed = (ctx.accounts.two_factor.*check)(session, code, address);
      RecordCodeCheck(events, session.user_id, code, renewed, on_success);
      if (!renewed) return std::unexpected(renewed.error());
      token = std::move(renewed->token);
      return LoadMe(ctx, session.user_id, TwoFactorState::kPassed);
    });
    if (!me) co_return http::ProblemFromError(me.error());
    http::Response res = http::Json(status::ok, *me);
    res.insert(
        boost::beast::http::field::set_cookie,
        SessionCookie(ctx.web, token, ctx.accounts.parts.sessions.CookieLifetime(session.role)));
    co_return res;
  };
}

// POST {current_password} → `work` on the hashing pool (it checks the
// password, which is slow on purpose) → 200 with what it made, and
// `on_success` in the security log when there is one.
using PasswordWork = std::function<Result<boost::json::object>(
    const domain::Session&, std::string_view current_password, std::string_view address)>;

http::Handler PasswordHandler(ApiContext& ctx, PasswordWork work,
                              std::optional<domain::SecurityEvent> on_success = std::nullopt) {
  return [&ctx, work = std::move(work),
          on_success](http::Request& req) -> boost::asio::awaitable<http::Response> {
    auto body = ParseJsonObject(req);
    if (!body) co_return http::ProblemFromError(body.error());
    JsonFields f(*body);
    const std::string current = f.Text("current_password");
    if (auto ok = f.Check(); !ok) co_return http::ProblemFromError(ok.error());
    if (auto busy = HashingBusy(ctx)) co_return std::move(*busy);
    const domain::Session session = CallerSession(req);
    const std::string address = ClientAddress(req, ctx.web);
    auto made = co_await ctx.hashing.Run([&] { return work(session, current, address); });
    if (!made) {
      SecurityLog(req).RecordWrongCredentials(made.error(), session.user_id);
      co_return http::ProblemFromError(made.error());
    }
    if (on_success) SecurityLog(req).Record(*on_success, session.user_id);
    co_return http::Json(status::ok, std::move(*made));
  };
}

boost::json::array CodesJson(const std::vector<std::string>& codes) {
  boost::json::array out;
  for (const auto& c : codes) out.push_back(boost::json::string(c));
  return out;
}

}  // namespace

http::Handler MfaHandler(ApiContext& ctx) {
  // Verify passes a six-digit code or a recovery code; only the latter is news.
  return CodeHandler(ctx, &TwoFactorService::Verify, domain::SecurityEvent::kRecoveryCodeUsed);
}

http::Handler MfaConfirmHandler(ApiContext& ctx) {
  return CodeHandler(ctx, &TwoFactorService::Confirm, domain::SecurityEvent::kMfaEnabled);
}

http::Handler MfaEnrollHandler(ApiContext& ctx) {
  return PasswordHandler(
      ctx,
      [&ctx](const domain::Session& session, std::string_view current,
             std::string_view address) -> Result<boost::json::object> {
        auto enrollment = ctx.accounts.two_factor.Enroll(session, current, address);
        if (!enrollment) return std::unexpected(enrollment.error());
        auto svg = QrSvg(enrollment->otpauth_uri, "QR code for your authenticator app");
        if (!svg) return std::unexpected(svg.error());
        return boost::json::object{{"secret", enrollment->secret},
                                   {"otpauth_uri", enrollment->otpauth_uri},
                                   {"qr_svg", *svg},
                                   {"recovery_codes", CodesJson(enrollment->recovery_codes)}};
      });
}

http::Handler MfaRecoveryCodesHandler(ApiContext& ctx) {
  return PasswordHandler(
      ctx,
      [&ctx](const domain::Session& session, std::string_view current,
             std::string_view address) -> Result<boost::json::object> {
        auto renewed = ctx.accounts.two_factor.RenewRecoveryCodes(session, current, address);
        if (!renewed) return std::unexpected(renewed.error());
        return boost::json::object{{"recovery_codes", CodesJson(*renewed)}};
      },
      domain::SecurityEvent::kRecoveryCodesRenewed);
}

}  // namespace securebase::api
