// The headers every response carries, errors included: a strict Content
// Security Policy (no inline script, no other origins, no framing), nosniff,
// no referrer, a Permissions-Policy that turns off what we never use, and
// Strict-Transport-Security when the site is served over TLS.
#pragma once

#include "http/request.h"

namespace securebase::http {

struct SecurityHeaderOptions {
  bool hsts = false;  // only when the site is reached over HTTPS
};

void AddSecurityHeaders(Response& res, const SecurityHeaderOptions& options);

}  // namespace securebase::http
