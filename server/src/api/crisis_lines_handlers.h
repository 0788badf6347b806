// GET /api/v1/crisis-lines              → {"countries": [{"code", "name"}, …]}
// GET /api/v1/crisis-lines?country=GB   → {"country", "name", "emergency", "last_verified",
//                                          "lines": [{"id", "name", "description", "phone"?,
//                                                     "sms"?, "sms_keyword"?, "url"?, "hours",
//                                                     "last_verified"}]}
// Public: the help panel works signed in or not.
#pragma once

#include "api/api_context.h"
#include "http/request.h"

namespace securebase::api {

http::Handler CrisisLinesHandler(ApiContext& ctx);

}  // namespace securebase::api
