#include "domain/scheduling/booking_settings.h"

#include <algorithm>
#include <array>
#include <set>

#include "domain/accounts/account_rules.h"
#include "domain/notify/outgoing_mail.h"
#include "domain/safety/country_codes.h"

namespace securebase::domain {

namespace {

constexpr std::array<std::string_view, 51> kUsStates = {
    "AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "HI", "IA",
    "ID", "IL", "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS",
    "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA",
    "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VT", "WA", "WI", "WV", "WY"};

constexpr std::size_t kMaxMessageChars = 2000;
constexpr std::size_t kMaxUrlBytes = 500;

bool Contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// An https:// URL (or http://localhost… for trials) with a host and no
// spaces, quotes or angle brackets: it goes into mail and calendar files.
bool IsUsableUrl(std::string_view url) {
  if (url.size() > kMaxUrlBytes) return false;
  std::string_view rest;
  if (url.starts_with("https://")) {
    rest = url.substr(8);
  } else if (url.starts_with("http://localhost") || url.starts_with("http://127.0.0.1")) {
    rest = url.substr(7);
  } else {
    return false;
  }
  if (rest.empty() || rest.front() == '/') return false;
  return std::none_of(url.begin(), url.end(), [](char c) {
    return static_cast<unsigned char>(c) <= 0x20 || c == '"' || c == '<' || c == '>' || c == '\\' ||
           c == 0x7f;
  });
}

void CheckCodes(const std::vector<std::string>& codes, const std::string& field, bool states,
                std::vector<FieldError>& errors) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < codes.size(); ++i) {
    const std::string name = field + "[" + std::to_string(i) + "]";
    const std::string& code = codes[i];
    if (!states && code == "US") {
      errors.push_back({name,
                        "People in the US are served state by state: choose the states "
                        "instead."});
    } else if (states ? !IsUsStateCode(code) : !IsAssignedCountryCode(code)) {
      errors.push_back(
          {name, states ? "Choose a US state from the list." : "Choose a country from the list."});
    } else if (!seen.insert(code).second) {
      errors.push_back({name, "This one is in the list already."});
    }
  }
}

}  // namespace

const char* VideoModeName(VideoMode mode) {
  switch (mode) {
    case VideoMode::kFixed: return "fixed";
    case VideoMode::kJitsi: return "jitsi";
    case VideoMode::kNone: break;
  }
  return "none";
}

const char* LateActionName(LateAction action) {
  return action == LateAction::kRefuse ? "refuse" : "allow";
}

Result<VideoMode> ParseVideoMode(std::string_view name) {
  if (name == "none") return VideoMode::kNone;
  if (name == "fixed") return VideoMode::kFixed;
  if (name == "jitsi") return VideoMode::kJitsi;
  return InvalidArgument("Choose none, fixed or jitsi.");
}

Result<LateAction> ParseLateAction(std::string_view name) {
  if (name == "allow") return LateAction::kAllow;
  if (name == "refuse") return LateAction::kRefuse;
  return InvalidArgument("Choose allow or refuse.");
}

bool IsUsStateCode(std::string_view code) {
  return std::find(kUsStates.begin(), kUsStates.end(), code) != kUsStates.end();
}

std::vector<FieldError> CheckBookingSettings(const BookingSettings& s) {
  std::vector<FieldError> errors;
  if (s.served_countries.size() > 250) {
    errors.push_back({"served.countries", "That is more countries than there are."});
  } else {
    CheckCodes(s.served_countries, "served.countries", false, errors);
  }
  if (s.served_us_states.size() > kUsStates.size()) {
    errors.push_back({"served.us_states", "That is more states than there are."});
  } else {
    CheckCodes(s.served_us_states, "served.us_states", true, errors);
  }
  if (!IsValidUtf8(s.outside_message) || Utf8Length(s.outside_message) > long{kMaxMessageChars}) {
    errors.push_back({"outside_message", "Keep this message under 2,000 characters."});
  }
  if (s.video_mode != VideoMode::kNone && !IsUsableUrl(s.video_url)) {
    errors.push_back({"video.url",
                      "Give a link that starts with https:// (at most 500 "
                      "characters, no spaces)."});
  }
  if (s.late_window_hours < 0 || s.late_window_hours > 720) {
    errors.push_back(
        {"cancellation.late_window_hours", "Choose a number of hours from 0 to 720 (30 days)."});
  }
  if (!IsValidUtf8(s.cancellation_text) ||
      Utf8Length(s.cancellation_text) > long{kMaxMessageChars}) {
    errors.push_back({"cancellation.text", "Keep the policy under 2,000 characters."});
  }
  return errors;
}

bool Serves(const BookingSettings& s, const ClientLocation& where) {
  if (where.country == "US") return Contains(s.served_us_states, where.region);
  return Contains(s.served_countries, where.country);
}

std::string VideoUrlFor(const BookingSettings& s, std::string_view room_token) {
  switch (s.video_mode) {
    case VideoMode::kFixed: return s.video_url;
    case VideoMode::kJitsi: {
      std::string url = s.video_url;
      if (!url.ends_with('/')) url += '/';
      url += "SecureBase-";
      url += room_token;
      return url;
    }
    case VideoMode::kNone: break;
  }
  return {};
}

}  // namespace securebase::domain
