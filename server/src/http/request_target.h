// Reading a request's target (RFC 9112 §3.2.1, origin form "/path?query")
// into Request::path and Request::query, decoded. The connection loop calls
// it for every request head; the http_request fuzz target calls it too, so
// the bytes it feeds take the server's own path to the router.
//
// Thread-safety: pure function.
#pragma once

#include <string_view>

#include "http/request.h"

namespace securebase::http {

// false when `target` is not an origin-form target (the request is then a
// 400); otherwise `req.path` ("/" at least) and `req.query` are set.
bool ReadRequestTarget(std::string_view target, Request& req);

}  // namespace securebase::http
