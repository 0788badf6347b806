#include "domain/scheduling/booking.h"

namespace securebase::domain {

namespace {

constexpr std::pair<BookingStatus, const char*> kStatusNames[] = {
    {BookingStatus::kConfirmed, "confirmed"},
    {BookingStatus::kCancelled, "cancelled"},
    {BookingStatus::kAttended, "attended"},
    {BookingStatus::kNoShow, "no_show"},
};

}  // namespace

const char* BookingStatusName(BookingStatus status) {
  for (const auto& [s, name] : kStatusNames) {
    if (s == status) return name;
  }
  return "confirmed";
}

Result<BookingStatus> ParseBookingStatus(std::string_view name) {
  for (const auto& [s, n] : kStatusNames) {
    if (name == n) return s;
  }
  return InvalidArgument("Choose confirmed, cancelled, attended or no_show.");
}

}  // namespace securebase::domain
