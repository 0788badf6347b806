// The practitioner's booking setup, from the console (docs/api/scheduling.md):
//   GET|PUT /api/v1/console/schedule           zone, weekly hours, date overrides
//   GET|PUT /api/v1/console/booking-settings   where she serves, video, policy
//   GET|POST /api/v1/console/session-types     every type (archived too); add → 201
//   PUT|DELETE /api/v1/console/session-types/{id}   replace; archive → 204
// Practitioner only (the route table's access says so).
#pragma once

#include "api/api_context.h"
#include "http/request.h"

namespace securebase::api {

http::Handler GetScheduleHandler(ApiContext& ctx);
http::Handler PutScheduleHandler(ApiContext& ctx);
http::Handler GetBookingSettingsHandler(ApiContext& ctx);
http::Handler PutBookingSettingsHandler(ApiContext& ctx);
http::Handler ListSessionTypesHandler(ApiContext& ctx);
http::Handler PostSessionTypeHandler(ApiContext& ctx);
http::Handler PutSessionTypeHandler(ApiContext& ctx);
http::Handler DeleteSessionTypeHandler(ApiContext& ctx);

}  // namespace securebase::api
