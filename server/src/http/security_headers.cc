#include "http/security_headers.h"

namespace securebase::http {
namespace {

// The app is one origin; nothing is inlined and nothing comes from elsewhere.
// data: images cover the QR code for two-factor enrolment.
constexpr const char* kCsp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; "
    "media-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'";

// Wake lock is the one feature the practice player asks for.
constexpr const char* kPermissions =
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=(), browsing-topics=(), "
    "screen-wake-lock=(self)";

}  // namespace

void AddSecurityHeaders(Response& res, const SecurityHeaderOptions& options) {
  res.set("Content-Security-Policy", kCsp);
  res.set("X-Frame-Options", "DENY");
  res.set("X-Content-Type-Options", "nosniff");
  res.set("Referrer-Policy", "no-referrer");
  res.set("Permissions-Policy", kPermissions);
  res.set("Cross-Origin-Opener-Policy", "same-origin");
  res.set("Cross-Origin-Resource-Policy", "same-origin");
  if (options.hsts) res.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
}

}  // namespace securebase::http
