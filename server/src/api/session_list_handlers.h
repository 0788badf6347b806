// A person's signed-in browsers (docs/api/accounts.md#sessions):
//   GET    /api/v1/me/sessions        the live sessions, this one marked
//   DELETE /api/v1/me/sessions/{id}   end one (by its public id)
//   DELETE /api/v1/me/sessions        end every other one ("log out everywhere else")
//
// Thread-safety: handlers are safe to run concurrently.
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace securebase::api {

http::Handler ListSessionsHandler(ApiContext& ctx);
http::Handler EndSessionHandler(ApiContext& ctx);
http::Handler EndOtherSessionsHandler(ApiContext& ctx);

}  // namespace securebase::api
