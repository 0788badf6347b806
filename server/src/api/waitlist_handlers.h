// The waitlist (docs/api/scheduling.md):
//   GET  /api/v1/waitlist                 the client's places
//   POST /api/v1/waitlist {"session_type"} → 201 | 409 slots-available | already-waiting
//   DELETE /api/v1/waitlist/{id}          → 204
//   GET  /api/v1/console/waitlist         everyone waiting, in order (practitioner)
// And the practitioner's private calendar feed:
//   GET|POST|DELETE /api/v1/console/calendar-feed
//   GET  /calendar/{file}                 "<secret>.ics", text/calendar (public: the
//                                         secret is the key)
#pragma once

#include "api/api_context.h"
#include "http/request.h"

namespace securebase::api {

http::Handler ListWaitlistHandler(ApiContext& ctx);
http::Handler JoinWaitlistHandler(ApiContext& ctx);
http::Handler LeaveWaitlistHandler(ApiContext& ctx);
http::Handler ConsoleWaitlistHandler(ApiContext& ctx);

http::Handler GetCalendarFeedHandler(ApiContext& ctx);
http::Handler CreateCalendarFeedHandler(ApiContext& ctx);
http::Handler RevokeCalendarFeedHandler(ApiContext& ctx);
http::Handler CalendarFileHandler(ApiContext& ctx);

}  // namespace securebase::api
