#include "http/set_cookie.h"

namespace securebase::http {

std::string SetCookie(std::string_view name, std::string_view value, const CookieOptions& options) {
  std::string out;
  out.reserve(name.size() + value.size() + 64);
  out.append(name).append("=").append(value).append("; Path=/");
  if (options.max_age_seconds >= 0) out.append("; Max-Age=").append(std::to_string(options.max_age_seconds));
  if (options.http_only) out.append("; HttpOnly");
  if (options.secure) out.append("; Secure");
  out.append("; SameSite=").append(options.same_site);
  return out;
}

}  // namespace securebase::http
