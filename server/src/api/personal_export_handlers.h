// GET /api/v1/me/export: everything Secure Base holds about the signed-in
// person, as a zip of JSON files, one per part of the app (the schema:
// docs/data-export.md). What they wrote is opened for this one answer and
// kept nowhere; the answer is never cached. Rate limited as an export.
//
// Thread-safety: the handler is safe to run concurrently.
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace securebase::api {

http::Handler ExportMeHandler(ApiContext& ctx);

}  // namespace securebase::api
