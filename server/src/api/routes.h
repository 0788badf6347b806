// The route table: every HTTP route of Secure Base, with who may call it, in
// one place (routes.cc). Handlers live in <resource>_handlers.cc.
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace securebase::api {

void AddRoutes(http::Router& router, ApiContext& ctx);

}  // namespace securebase::api
