// BookingSettings: the practitioner's terms for booking — where she may
// offer sessions (countries, and US states one by one), the message for
// people elsewhere, how sessions get a video link, and her cancellation
// policy. Clients see all of it before they book.
//
// Thread-safety: plain values and pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "domain/scheduling/booking.h"

namespace securebase::domain {

enum class VideoMode { kNone, kFixed, kJitsi };
enum class LateAction { kAllow, kRefuse };

const char* VideoModeName(VideoMode mode);      // "none", "fixed", "jitsi"
const char* LateActionName(LateAction action);  // "allow", "refuse"
Result<VideoMode> ParseVideoMode(std::string_view name);
Result<LateAction> ParseLateAction(std::string_view name);

struct BookingSettings {
  std::vector<std::string> served_countries;  // ISO alpha-2, never "US"
  std::vector<std::string> served_us_states;  // USPS codes
  std::string outside_message;
  VideoMode video_mode = VideoMode::kNone;
  std::string video_url;  // fixed link, or the Jitsi base URL
  int late_window_hours = 48;
  LateAction late_action = LateAction::kAllow;
  std::string cancellation_text;
  bool operator==(const BookingSettings&) const = default;
};

// Checks settings before they are saved; field names follow the API
// ("served.countries[2]", "video.url", "cancellation.late_window_hours").
std::vector<FieldError> CheckBookingSettings(const BookingSettings& settings);

// True for an assigned USPS code of a state or DC ("NY", "DC").
bool IsUsStateCode(std::string_view code);

// Whether she offers sessions to someone at `where`.
bool Serves(const BookingSettings& settings, const ClientLocation& where);

// The video link for a new booking: none, the fixed link, or a room of its
// own under the Jitsi base URL named by `room_token` (random, unguessable).
std::string VideoUrlFor(const BookingSettings& settings, std::string_view room_token);

}  // namespace securebase::domain
