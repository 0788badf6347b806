// Changing the account's email (docs/api/accounts.md):
//   POST /api/v1/auth/email/change    {password, new_email}
//   POST /api/v1/auth/email/confirm   {token}
#pragma once

#include "api/api_context.h"
#include "http/request.h"

namespace securebase::api {

http::Handler ChangeEmailHandler(ApiContext& ctx);
http::Handler ConfirmEmailHandler(ApiContext& ctx);

}  // namespace securebase::api
