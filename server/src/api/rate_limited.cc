#include "api/rate_limited.h"

#include <boost/json.hpp>

#include "api/request_context.h"
#include "domain/accounts/account_rules.h"
#include "http/problem.h"

namespace securebase::api {

namespace {

// The body's email, normalized; empty when there is none to read (the
// handler then says what is wrong with the body).
std::string BodyEmail(const http::Request& req) {
  boost::system::error_code ec;
  const auto body = boost::json::parse(req.message.body(), ec);
  if (ec || !body.is_object()) return {};
  const auto* email = body.as_object().if_contains("email");
  if (!email || !email->is_string()) return {};
  auto normalized = domain::NormalizeEmail(std::string_view(email->as_string()));
  return normalized ? *normalized : std::string();
}

}  // namespace

http::Handler RateLimited(ApiContext& ctx, domain::LimitedAction action, LimitedBy by,
                          http::Handler inner) {
  return [&ctx, action, by,
          inner = std::move(inner)](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const std::string address = ClientAddress(req, ctx.web);
    std::string account;
    if (by == LimitedBy::kCaller && req.caller) account = req.caller->user_id;
    if (by == LimitedBy::kBodyEmail) account = BodyEmail(req);
    auto allowed = co_await ctx.pool.Run([&] {
      return ctx.limits.Hit(
          action, address,
          account.empty() ? std::nullopt : std::optional<std::string_view>(account));
    });
    if (!allowed) co_return http::ProblemFromError(allowed.error());
    co_return co_await inner(req);
  };
}

}  // namespace securebase::api
