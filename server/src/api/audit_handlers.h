// The audit log, for the practitioner (docs/api/sharing.md#the-audit-log):
//   GET /api/v1/console/audit?actor=&subject=&action=&from=&to=&before=&limit=
//
// Thread-safety: handlers are safe to run concurrently.
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace securebase::api {

http::Handler ConsoleAuditHandler(ApiContext& ctx);

}  // namespace securebase::api
