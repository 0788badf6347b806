// Bookings, slots and the client's catalogue as JSON
// (docs/api/scheduling.md). Local times are written here, from the zones the
// domain chose (domain/calendar/local_calendar), never computed by clients.
//
// Thread-safety: pure functions.
#pragma once

#include <date/tz.h>
#include <boost/json.hpp>

#include <string_view>

#include "api/scheduling_json.h"
#include "domain/scheduling/booking_service.h"
#include "domain/scheduling/waitlist_repository.h"

namespace securebase::api {

// The body of POST /api/v1/bookings (the idempotency key comes from the
// header and is set by the handler).
Decoded<domain::BookingRequest> DecodeBookingRequest(const boost::json::object& body);

// A booking for its client; for the practitioner (console) with the client,
// whether there are intake answers ("has_intake") and, only when they were
// opened, the answers question by question ("intake").
boost::json::object EncodeBooking(const domain::BookingView& view);
boost::json::object EncodeConsoleBooking(const domain::CalendarEntry& entry);
// One booking's opened answers: {"booking", "intake": [{id, question, answer}]}.
boost::json::object EncodeBookingIntake(const domain::BookingView& view);

// Slots with their local times in `zone` and in hers.
boost::json::array EncodeSlots(const std::vector<domain::Slot>& slots, const date::time_zone& zone,
                               const date::time_zone* practitioner_zone);

boost::json::object EncodeCatalog(const domain::BookingCatalog& catalog);
// A place on the waitlist: {"id", "session_type", "joined_at", "notified_at"}.
boost::json::object EncodeWaitlistEntry(const domain::WaitlistEntry& entry);

}  // namespace securebase::api
