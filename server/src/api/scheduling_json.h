// The practitioner's booking setup as JSON (docs/api/scheduling.md): her
// schedule, booking settings and session types, read from console requests
// and written back. Decoders collect every value they cannot read as a field
// error by its API path; the domain then checks the rules.
//
// Thread-safety: pure functions.
#pragma once

#include <boost/json.hpp>

#include <vector>

#include "common/error.h"
#include "domain/scheduling/booking_settings.h"
#include "domain/scheduling/schedule.h"
#include "domain/scheduling/session_type.h"

namespace securebase::api {

template <class T>
struct Decoded {
  T value;
  std::vector<FieldError> errors;  // what could not be read; empty: all of it
};

Decoded<domain::Schedule> DecodeSchedule(const boost::json::object& body);
boost::json::object EncodeSchedule(const domain::Schedule& schedule);

Decoded<domain::BookingSettings> DecodeBookingSettings(const boost::json::object& body);
boost::json::object EncodeBookingSettings(const domain::BookingSettings& settings);
// What clients see of the settings (no video link).
boost::json::object EncodePublicSettings(const domain::BookingSettings& settings);

Decoded<domain::SessionType> DecodeSessionType(const boost::json::object& body);
boost::json::object EncodeSessionType(const domain::SessionType& type);

// "HH:MM" (00:00–24:00) to minutes after midnight; nullopt when not that.
std::optional<int> ParseClockTime(std::string_view text);
std::string FormatClockTime(int minutes);

}  // namespace securebase::api
