// The `Me` shape (docs/api/accounts.md): the signed-in person as the app
// sees them. One encoder for GET/PATCH /me, log-in and two-factor answers.
#pragma once

#include <boost/json/object.hpp>

#include "domain/accounts/session.h"
#include "domain/accounts/two_factor_service.h"
#include "domain/accounts/user.h"

namespace securebase::api {

boost::json::object EncodeMe(const domain::User& user, const domain::TwoFactorStatus& two_factor,
                             domain::TwoFactorState session_state);

}  // namespace securebase::api
