// The practitioner's clients (docs/api/sharing.md#the-practitioners-side):
//   GET /api/v1/console/clients
//   GET /api/v1/console/clients/{id}   (writes a "shared.read" audit row)
//
// Thread-safety: handlers are safe to run concurrently.
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace securebase::api {

http::Handler ListClientsHandler(ApiContext& ctx);
http::Handler GetClientHandler(ApiContext& ctx);

}  // namespace securebase::api
