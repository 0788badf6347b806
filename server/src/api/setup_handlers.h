// First-run setup (public while the site has no practitioner):
//   GET  /api/v1/setup  → {"needed": true|false}
//   POST /api/v1/setup  {"token", "email", "password", "display_name", "time_zone", "country"}
//        → 201 {"id", "email", "role": "practitioner"}
//        | 400 (fields) | 403 (wrong token) | 409 (already set up)
#pragma once

#include "api/api_context.h"
#include "http/request.h"

namespace securebase::api {

http::Handler GetSetupHandler(ApiContext& ctx);
http::Handler PostSetupHandler(ApiContext& ctx);

}  // namespace securebase::api
