// What a learner's journal adds up to, and the whole journal as a download
// (docs/api/journal.md, "Insights" and "Export"):
//   GET /api/v1/journal/insights[?tz=&weeks=]            → JournalInsights (tz default UTC,
//                                                           weeks 1–52, default 12)
//   GET /api/v1/journal/export?format=json|markdown[&tz=] → an attachment named
//       secure-base-journal-YYYY-MM-DD.json | .md (today in tz, default UTC)
// Both open every entry of the learner (JournalService::ReadAll) on the
// blocking pool, for that one request, and keep nothing. A bad parameter is
// 400 naming it, checked before anything is opened.
#pragma once

#include "api/api_context.h"
#include "http/request.h"

namespace securebase::api {

http::Handler GetJournalInsightsHandler(ApiContext& ctx);
http::Handler ExportJournalHandler(ApiContext& ctx);

}  // namespace securebase::api
