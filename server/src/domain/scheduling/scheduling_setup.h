// SchedulingSetup: the practitioner's booking setup — her schedule, her
// booking settings and the session types she offers — read and saved from
// the console, and read by the booking service.
//
// All three are small and change rarely, so each is one value in the
// settings table (written with TextPairs), saved in one write: a reader never
// sees half a schedule. Two console tabs saving at once: the later save wins
// whole (there is one practitioner).
//
// Thread-safety: safe from any thread (the repository is).
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/error.h"
#include "domain/scheduling/booking_settings.h"
#include "domain/scheduling/schedule.h"
#include "domain/scheduling/session_type.h"
#include "domain/settings/settings_repository.h"

namespace securebase::domain {

class SchedulingSetup {
 public:
  SchedulingSetup(SettingsRepository& settings, const Clock& clock)
      : settings_(settings), clock_(clock) {}

  // The saved schedule; an empty one (no zone, no hours) before any save.
  Result<Schedule> GetSchedule() const;
  // kInvalidArgument naming each field CheckSchedule refuses.
  Status SaveSchedule(const Schedule& schedule);

  // The saved settings; the defaults (BookingSettings{}) before any save.
  Result<BookingSettings> GetSettings() const;
  Status SaveSettings(const BookingSettings& settings);

  // Every type, in the order added; archived ones only when asked.
  Result<std::vector<SessionType>> Types(bool include_archived) const;
  // kNotFound for an unknown id (archived types are found).
  Result<SessionType> FindType(std::string_view id) const;
  // Gives the type a new id; returns it as stored.
  Result<SessionType> AddType(SessionType type);
  // Replaces the type with this id (keeping the id); kNotFound when unknown.
  Result<SessionType> ReplaceType(std::string_view id, SessionType type);
  // Archives it: no longer offered, still known to its bookings.
  Status ArchiveType(std::string_view id);

  // Called after every successful save (the waitlist looks for openings
  // when her hours or a type change). Set once, before serving.
  void SetOnChange(std::function<void()> on_change) { on_change_ = std::move(on_change); }

 private:
  Status SaveTypes(const std::vector<SessionType>& types);
  void Changed() const {
    if (on_change_) on_change_();
  }

  SettingsRepository& settings_;
  const Clock& clock_;
  std::function<void()> on_change_;
};

// The stored forms (exposed for tests).
std::string ScheduleToText(const Schedule& schedule);
Result<Schedule> ScheduleFromText(std::string_view text);
std::string BookingSettingsToText(const BookingSettings& settings);
Result<BookingSettings> BookingSettingsFromText(std::string_view text);
std::string SessionTypesToText(const std::vector<SessionType>& types);
Result<std::vector<SessionType>> SessionTypesFromText(std::string_view text);

}  // namespace securebase::domain
