// Signing up and in (docs/api/accounts.md):
//   POST /api/v1/auth/signup          {email, password, display_name, time_zone, country}
//   POST /api/v1/auth/verify          {token}
//   POST /api/v1/auth/verify/resend   {email}
//   POST /api/v1/auth/login           {email, password}
//   POST /api/v1/auth/logout
#pragma once

#include "api/api_context.h"
#include "http/request.h"

namespace securebase::api {

http::Handler SignUpHandler(ApiContext& ctx);
http::Handler VerifyEmailHandler(ApiContext& ctx);
http::Handler ResendVerificationHandler(ApiContext& ctx);
http::Handler LoginHandler(ApiContext& ctx);
http::Handler LogoutHandler(ApiContext& ctx);

}  // namespace securebase::api
