// Small facts about a request that several handlers need: the client's
// network address (for throttling), and whether the slow password work may
// be queued now.
//
// Thread-safety: pure functions over their arguments.
#pragma once

#include <optional>
#include <string>

#include "api/api_context.h"
#include "http/request.h"

namespace securebase::api {

// The address to throttle by: the peer, or behind a trusted proxy the last
// X-Forwarded-For entry.
std::string ClientAddress(const http::Request& req, const WebSecurity& web);

// 503 with Retry-After when the password-hashing queue is full; the caller
// returns it instead of queueing more work.
std::optional<http::Response> HashingBusy(const ApiContext& ctx);

}  // namespace securebase::api
