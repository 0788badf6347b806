// Where a booking's intake answers are sealed: the associated data binding
// them to their table, column, booking and client (common/secret_box.h).
// Shared by the booking service, which seals and opens them, and by key
// rotation (storage/sealed_tables), which re-seals them with a new key.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "common/secret_box.h"

namespace securebase::domain {

inline constexpr std::string_view kBookingsTable = "bookings";
inline constexpr std::string_view kBookingIntakeColumn = "sealed_intake";

inline std::string BookingIntakeAd(std::string_view booking_id, std::string_view client_id) {
  return AssociatedData(kBookingsTable, kBookingIntakeColumn, booking_id, client_id);
}

}  // namespace securebase::domain
