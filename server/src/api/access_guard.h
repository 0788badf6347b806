// The access guard: every route in the route table passes through it
// (routes.cc adds them with Guarded), so no handler can forget to check.
//
// Before the handler runs it
//   1. refuses a state-changing request (POST, PUT, PATCH, DELETE) that
//      comes from another site (its Origin is not ours, or Sec-Fetch-Site
//      says cross-site) or does not echo the csrf cookie in X-CSRF-Token:
//      403 csrf-failed;
//   2. for routes that are not public, finds the session from its cookie
//      and checks the route's Access against it: 401 unauthenticated
//      without a live session, 401 two-factor-required while the session
//      owes its code, 403 permission-denied for the wrong role;
//   3. puts the caller on the request (Request::caller).
// After it, a browser without a csrf cookie is given one.
//
// Thread-safety: the returned handler is safe from every I/O thread.
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace securebase::api {

http::Route Guarded(ApiContext& ctx, http::Route route);

// Does a state-changing request come from our own pages? (Origin and
// Sec-Fetch-Site; requests from non-browsers carry neither and pass, since
// they carry no ambient cookies of a victim either — the double-submit
// token still applies.)
bool FromOurOrigin(const http::Request& req, const WebSecurity& web);

// The session a guarded handler runs for, rebuilt from Request::caller.
domain::Session CallerSession(const http::Request& req);

}  // namespace securebase::api
