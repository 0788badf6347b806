// Passwords (docs/api/accounts.md):
//   POST /api/v1/auth/password/forgot   {email}
//   POST /api/v1/auth/password/reset    {token, password}
//   POST /api/v1/auth/password/change   {current_password, new_password}
#pragma once

#include "api/api_context.h"
#include "http/request.h"

namespace securebase::api {

http::Handler ForgotPasswordHandler(ApiContext& ctx);
http::Handler ResetPasswordHandler(ApiContext& ctx);
http::Handler ChangePasswordHandler(ApiContext& ctx);

}  // namespace securebase::api
