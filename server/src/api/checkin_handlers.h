// A learner's check-ins and personal plan (docs/api/checkins.md):
//   POST /api/v1/checkins   {"questionnaire_id", "answers": {"<item id>": n, …}}
//                           + optional Idempotency-Key header → 201 result, or
//                           200 with the first result when the key was used before
//   GET  /api/v1/checkins[?questionnaire=ID]   history, newest first
//   GET  /api/v1/checkins/{id}                 one result (another learner's: 404)
//   GET  /api/v1/plan                          the signs ranked, lessons, cadence
// Questionnaires and courses come from the catalog snapshot of the request.
#pragma once

#include "api/api_context.h"
#include "http/request.h"

namespace securebase::api {

http::Handler PostCheckinHandler(ApiContext& ctx);
http::Handler ListCheckinsHandler(ApiContext& ctx);
http::Handler GetCheckinHandler(ApiContext& ctx);
http::Handler GetPlanHandler(ApiContext& ctx);

}  // namespace securebase::api
