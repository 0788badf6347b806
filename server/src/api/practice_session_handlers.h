// A learner's recorded practice sessions and what they add up to
// (docs/api/practices.md):
//   POST /api/v1/practice-sessions   {"id": "<uuid>", "practice_id", "started_at",
//                                     "duration_seconds", "distress_before", "distress_after"}
//                                    → 201 new, 200 the same session again,
//                                      409 practice-session-conflict for the id reused
//   GET  /api/v1/practice-sessions[?before=&limit=]   a page, newest first
//   GET  /api/v1/practice-stats[?tz=&weeks=]          weeks, practices, totals
// Practices come from the catalog snapshot of the request.
#pragma once

#include "api/api_context.h"
#include "http/request.h"

namespace securebase::api {

http::Handler PostPracticeSessionHandler(ApiContext& ctx);
http::Handler ListPracticeSessionsHandler(ApiContext& ctx);
http::Handler GetPracticeStatsHandler(ApiContext& ctx);

}  // namespace securebase::api
