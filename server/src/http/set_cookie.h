// Building Set-Cookie header values (RFC 6265bis). Reading cookies is
// Request::Cookie.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace securebase::http {

struct CookieOptions {
  bool http_only = true;
  bool secure = false;                // only over HTTPS
  std::string_view same_site = "Lax";  // "Strict" | "Lax"
  long max_age_seconds = -1;          // -1: until the browser closes; 0: delete now
};

// "name=value; Path=/; Max-Age=…; HttpOnly; Secure; SameSite=Lax". The value
// must already be cookie-safe (the server only sets hex tokens).
std::string SetCookie(std::string_view name, std::string_view value, const CookieOptions& options);

}  // namespace securebase::http
