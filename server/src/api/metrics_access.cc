#include "api/metrics_access.h"

#include <boost/asio/ip/address.hpp>
#include <boost/beast/core/string.hpp>

#include <string>

#include "common/token_hash.h"

namespace securebase::api {

bool IsLoopbackAddress(std::string_view address) {
  boost::system::error_code ec;
  const auto parsed = boost::asio::ip::make_address(std::string(address), ec);
  if (ec) return false;
  if (parsed.is_v6() && parsed.to_v6().is_v4_mapped()) {
    return boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, parsed.to_v6())
        .is_loopback();
  }
  return parsed.is_loopback();
}

bool MayReadMetrics(const http::Request& req, std::string_view token) {
  if (!token.empty()) {
    // The scheme's name is case-insensitive (RFC 9110 §11.1).
    constexpr std::string_view kBearer = "bearer ";
    const std::string_view given = req.Header(boost::beast::http::field::authorization);
    return given.size() > kBearer.size() &&
           boost::beast::iequals(given.substr(0, kBearer.size()), kBearer) &&
           ConstantTimeEquals(given.substr(kBearer.size()), token);
  }
  for (const std::string_view proxy_header : {"X-Forwarded-For", "Forwarded", "X-Real-IP"}) {
    if (req.message.find(proxy_header) != req.message.end()) return false;
  }
  return IsLoopbackAddress(req.remote_address);
}

}  // namespace securebase::api
