// What a learner shares with the practitioner (docs/api/sharing.md):
//   GET    /api/v1/shares
//   PUT    /api/v1/shares                      {"practitioner_id", "checkins", "practice",
//                                               "course", "journal_entries"}
//   DELETE /api/v1/shares[?practitioner_id=]
//   GET    /api/v1/shares/reads[?limit=]       each time a practitioner looked
//
// Thread-safety: handlers are safe to run concurrently.
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace securebase::api {

http::Handler ListSharesHandler(ApiContext& ctx);
http::Handler PutShareHandler(ApiContext& ctx);
http::Handler DeleteSharesHandler(ApiContext& ctx);
http::Handler ListShareReadsHandler(ApiContext& ctx);

}  // namespace securebase::api
