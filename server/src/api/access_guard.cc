#include "api/access_guard.h"

#include <boost/beast/core/string.hpp>

#include "api/security_log.h"
#include "api/session_cookies.h"
#include "common/random.h"
#include "common/token_hash.h"
#include "http/problem.h"

namespace securebase::api {
namespace {

using boost::beast::http::field;
using boost::beast::http::status;
using boost::beast::http::verb;
using domain::TwoFactorState;

bool ChangesState(verb method) {
  return method == verb::post || method == verb::put || method == verb::patch ||
         method == verb::delete_;
}

// "host:port" of an origin with the expected scheme, or "".
std::string_view Authority(std::string_view origin, std::string_view scheme) {
  if (!origin.starts_with(scheme) || !origin.substr(scheme.size()).starts_with("://")) return {};
  return origin.substr(scheme.size() + 3);
}

bool CsrfTokenEchoed(const http::Request& req) {
  const auto cookie = req.Cookie(kCsrfCookie);
  const std::string_view header = req.message[kCsrfHeader];
  return cookie && cookie->size() >= 32 && ConstantTimeEquals(*cookie, header);
}

http::Response CsrfFailed() {
  return http::Problem(status::forbidden, "csrf-failed", "Request refused",
                       "This request did not come from a Secure Base page, so it was refused. "
                       "Please reload the page and try again.");
}

// What a session may do at a route, or the refusal.
std::optional<http::Response> Refusal(http::Access access, const domain::Session& s) {
  if (access == http::Access::kSignedIn) return std::nullopt;
  if (!domain::SignInComplete(s.two_factor)) {
    const bool enrol = s.two_factor == TwoFactorState::kEnrollmentRequired;
    return http::Problem(status::unauthorized, "two-factor-required", "Two-factor needed",
                         enrol ? "Please set up two-factor sign-in to continue."
                               : "Please enter the code from your authenticator app to continue.");
  }
  if (access == http::Access::kPractitioner && s.role != domain::Role::kPractitioner) {
    return http::Problem(status::forbidden, "permission-denied", "Not allowed",
                         "This part of Secure Base is for the practitioner.");
  }
  return std::nullopt;
}

}  // namespace

bool FromOurOrigin(const http::Request& req, const WebSecurity& web) {
  if (boost::beast::iequals(req.message["Sec-Fetch-Site"], "cross-site")) return false;
  const std::string_view origin = req.Header(field::origin);
  if (origin.empty()) return true;
  if (!web.public_origin.empty() && origin == web.public_origin) return true;
  // Same host as the request was sent to (a proxy passes Host through).
  const std::string_view host = req.Header(field::host);
  return !host.empty() && Authority(origin, web.tls ? "https" : "http") == host;
}

domain::Session CallerSession(const http::Request& req) {
  domain::Session s;
  if (!req.caller) return s;
  s.id = req.caller->session_id;
  s.user_id = req.caller->user_id;
  s.role = domain::ParseRole(req.caller->role).value_or(domain::Role::kLearner);
  s.two_factor =
      domain::ParseTwoFactorState(req.caller->two_factor).value_or(TwoFactorState::kPending);
  return s;
}

http::Route Guarded(ApiContext& ctx, http::Route route) {
  route.handler = [&ctx, access = route.access, inner = std::move(route.handler)](
                      http::Request& req) -> boost::asio::awaitable<http::Response> {
    const bool has_csrf_cookie = req.Cookie(kCsrfCookie).has_value();
    std::optional<http::Response> refused;
    bool clear_session_cookie = false;
    bool csrf_failed = false;

    if (ChangesState(req.message.method()) &&
        (!FromOurOrigin(req, ctx.web) || !CsrfTokenEchoed(req))) {
      refused = CsrfFailed();
      csrf_failed = true;
      // No account: the session is not looked up for a request refused this
      // early (a forged request is not worth a database read).
      SecurityLog(req).Record(domain::SecurityEvent::kCsrfRefused, {});
    }
    if (!refused && access != http::Access::kPublic) {
      const auto token = req.Cookie(SessionCookieName(ctx.web));
      std::optional<domain::Session> session;
      if (token) {
        const std::string t(*token);
        auto resolved =
            co_await ctx.pool.Run([&ctx, &t] { return ctx.accounts.parts.sessions.Resolve(t); });
        if (!resolved) {
          refused = http::ProblemFromError(resolved.error());
        } else if (*resolved) {
          session = std::move(**resolved);
        } else {
          clear_session_cookie = true;  // expired or ended: tell the browser to forget it
        }
      }
      if (!refused && !session) {
        refused = http::Problem(status::unauthorized, "unauthenticated", "Please log in",
                                "Please log in to continue.");
      }
      if (!refused) {
        refused = Refusal(access, *session);
        req.caller = http::Caller{session->user_id, session->id, domain::RoleName(session->role),
                                  domain::TwoFactorStateName(session->two_factor)};
      }
    }

    http::Response res;
    if (refused) {
      res = std::move(*refused);
    } else {
      http::Response handled = co_await inner(req);
      res = std::move(handled);
    }
    if (clear_session_cookie && res.find(field::set_cookie) == res.end())
      res.insert(field::set_cookie, ClearedSessionCookie(ctx.web));
    // A fresh value after a refusal, so that a page holding a stale one can
    // retry once.
    if (!has_csrf_cookie || csrf_failed)
      res.insert(field::set_cookie, CsrfCookie(ctx.web, RandomHex(32)));
    co_return res;
  };
  return route;
}

}  // namespace securebase::api
