// CalendarFeed: the practitioner's private calendar subscription — a secret
// URL (/calendar/<secret>.ics) her calendar app polls, listing confirmed
// sessions from 30 days ago on as an iCalendar PUBLISH feed.
//
// Only the secret's hash is stored (settings key scheduling.calendar-feed);
// a new secret replaces the old, and revoking removes it. Calendar apps copy
// feeds to their own servers, so the feed names the session type and links
// to the console, never the client or their answers.
//
// Thread-safety: safe from any thread (its parts are).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "domain/scheduling/booking_repository.h"
#include "domain/scheduling/scheduling_setup.h"
#include "domain/settings/settings_repository.h"

namespace securebase::domain {

struct CalendarFeedState {
  bool active = false;
  std::optional<Instant> created_at;
};

class CalendarFeed {
 public:
  CalendarFeed(SettingsRepository& settings, BookingRepository& bookings, SchedulingSetup& setup,
               const Clock& clock, std::string site_url)
      : settings_(settings),
        bookings_(bookings),
        setup_(setup),
        clock_(clock),
        site_url_(std::move(site_url)) {}

  Result<CalendarFeedState> State();
  // A new secret (the old URL stops working); returns the feed's URL.
  Result<std::string> Create();
  Status Revoke();
  // The feed for `secret`; kNotFound when it is not the current one.
  Result<std::string> Render(std::string_view secret);

 private:
  SettingsRepository& settings_;
  BookingRepository& bookings_;
  SchedulingSetup& setup_;
  const Clock& clock_;
  std::string site_url_;
};

}  // namespace securebase::domain
