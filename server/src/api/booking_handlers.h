// Booking sessions (docs/api/scheduling.md).
// Clients (signed-in learners):
//   GET  /api/v1/session-types                 the catalogue and her terms
//   GET  /api/v1/slots?session_type=&from=&to=&tz=
//   POST /api/v1/bookings  (Idempotency-Key)   → 201 | 200 replay | 409 slot-taken + slots
//   GET  /api/v1/bookings, /api/v1/bookings/{id}
//   POST /api/v1/bookings/{id}/cancel | reschedule
// The practitioner (console):
//   GET  /api/v1/console/bookings[?from=&to=]  with clients; whether each has
//                                              intake answers, not the answers
//   GET  /api/v1/console/bookings/{id}/intake  one booking's answers (writes an
//                                              "intake.read" audit row first)
//   POST /api/v1/console/bookings/{id}/cancel | attendance
#pragma once

#include "api/api_context.h"
#include "http/request.h"

namespace securebase::api {

http::Handler GetBookingCatalogHandler(ApiContext& ctx);
http::Handler GetSlotsHandler(ApiContext& ctx);
http::Handler PostBookingHandler(ApiContext& ctx);
http::Handler ListBookingsHandler(ApiContext& ctx);
http::Handler GetBookingHandler(ApiContext& ctx);
http::Handler CancelBookingHandler(ApiContext& ctx);
http::Handler RescheduleBookingHandler(ApiContext& ctx);

http::Handler ListConsoleBookingsHandler(ApiContext& ctx);
http::Handler GetConsoleBookingIntakeHandler(ApiContext& ctx);
http::Handler ConsoleCancelBookingHandler(ApiContext& ctx);
http::Handler ConsoleAttendanceHandler(ApiContext& ctx);

}  // namespace securebase::api
