#include "api/request_context.h"

#include "http/problem.h"

namespace securebase::api {

std::string ClientAddress(const http::Request& req, const WebSecurity& web) {
  if (web.trust_forwarded_for) {
    std::string_view xff = req.message["X-Forwarded-For"];
    if (const auto comma = xff.rfind(','); comma != std::string_view::npos)
      xff = xff.substr(comma + 1);
    while (!xff.empty() && xff.front() == ' ') xff.remove_prefix(1);
    while (!xff.empty() && xff.back() == ' ') xff.remove_suffix(1);
    if (!xff.empty()) return std::string(xff);
  }
  return req.remote_address;
}

std::optional<http::Response> HashingBusy(const ApiContext& ctx) {
  if (ctx.hashing.pending() < ctx.hashing_queue_limit) return std::nullopt;
  auto res =
      http::Problem(boost::beast::http::status::service_unavailable, "busy", "Busy right now",
                    "Secure Base is very busy at this moment. Please try again in a few "
                    "seconds.");
  res.set(boost::beast::http::field::retry_after, "2");
  return res;
}

}  // namespace securebase::api
