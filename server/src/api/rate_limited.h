// RateLimited: a handler that first counts the request against its action's
// rate limit (domain/limits/rate_limits.h) and answers 429 with Retry-After
// past it, before the handler runs. Inside the access guard, so a refused
// request (CSRF, no session) is not counted.
//
// Thread-safety: the handler is safe to run concurrently.
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace securebase::api {

// Whose account the request counts against besides its network address.
enum class LimitedBy {
  kAddressOnly,  // a reset link: there is no account to name
  kCaller,       // the signed-in person
  kBodyEmail,    // the body's "email", normalized (sign-up, forgotten password)
};

http::Handler RateLimited(ApiContext& ctx, domain::LimitedAction action, LimitedBy by,
                          http::Handler inner);

}  // namespace securebase::api
