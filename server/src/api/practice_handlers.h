// The practice catalogue being served (docs/api/practices.md), open to
// anyone: the player must work before signing up and offline, so the web
// app caches the whole list.
//   GET /api/v1/practices        {"practices": [Practice]}, in file-name order
//   GET /api/v1/practices/{id}   one Practice, or 404
// Each request reads the catalog snapshot current when it arrives.
#pragma once

#include "api/api_context.h"
#include "http/request.h"

namespace securebase::api {

http::Handler ListPracticesHandler(ApiContext& ctx);
http::Handler GetPracticeHandler(ApiContext& ctx);

}  // namespace securebase::api
