// Two-factor sign-in (docs/api/accounts.md, DESIGN.md §8):
//   POST /api/v1/auth/mfa           {code}   the code this session owes
//   POST /api/v1/auth/mfa/enroll             a new secret, QR code, recovery codes
//   POST /api/v1/auth/mfa/confirm   {code}   switch the new secret on
//   POST /api/v1/auth/mfa/recovery-codes {current_password}
//                                            ten new recovery codes; the old ones stop working
#pragma once

#include "api/api_context.h"
#include "http/request.h"

namespace securebase::api {

http::Handler MfaHandler(ApiContext& ctx);
http::Handler MfaEnrollHandler(ApiContext& ctx);
http::Handler MfaConfirmHandler(ApiContext& ctx);
http::Handler MfaRecoveryCodesHandler(ApiContext& ctx);

}  // namespace securebase::api
