// The signed-in person:
//   GET   /api/v1/me   who am I (any session, even one owing its code)
//   PATCH /api/v1/me   change display name, time zone, country
//   DELETE /api/v1/me  delete the account, {password, code?}: everything about
//                      them goes, past sessions stay with the practitioner
//                      without their name (domain/privacy/account_deletion.h);
//                      the browser is signed out as by log-out
#pragma once

#include <boost/json/object.hpp>

#include "api/api_context.h"
#include "http/request.h"

namespace securebase::api {

http::Handler GetMeHandler(ApiContext& ctx);
http::Handler PatchMeHandler(ApiContext& ctx);
http::Handler DeleteMeHandler(ApiContext& ctx);

// The Me object for a user and session state; blocking (call on the pool).
Result<boost::json::object> LoadMe(ApiContext& ctx, std::string_view user_id,
                                   domain::TwoFactorState session_state);

}  // namespace securebase::api
