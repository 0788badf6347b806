// Who may read GET /metrics. The server keeps it private itself, whatever
// the proxy in front of it does (docs/operations.md#metrics):
//
// - with `metrics.token` set, a request carrying
//   "Authorization: Bearer <token>", from anywhere (a Prometheus on another
//   machine scrapes through nginx, over TLS);
// - without a token, a peer on this machine's loopback that came straight
//   to the server. A request with a forwarding header (X-Forwarded-For,
//   Forwarded, X-Real-IP) came through a proxy, and through a proxy on this
//   machine every client would look local, so it is refused.
//
// Everyone else gets the answer an address with nothing at it gets (404),
// so a refusal tells nobody that there is something to find.
//
// Thread-safety: pure functions.
#pragma once

#include <string_view>

#include "http/request.h"

namespace securebase::api {

bool MayReadMetrics(const http::Request& req, std::string_view token);

// 127.0.0.0/8, ::1, or ::ffff:127.x.y.z, as the connection wrote the peer.
bool IsLoopbackAddress(std::string_view address);

}  // namespace securebase::api
