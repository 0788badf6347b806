// Local calendar arithmetic for reports by week and day (practice stats,
// journal insights and the dated headings of an export) and the
// practitioner's schedule: an IANA zone by name, the local date and time of
// an instant, the Monday that begins its week, calendar dates read and
// written as "2026-11-23", and dates and times written out for people.
//
// Built on Howard Hinnant's date/tz with the OS time-zone database
// (libstdc++ 12 has no std::chrono zones). Going from an instant to local
// time is never ambiguous, so nothing here meets a DST gap or overlap.
//
// Thread-safety: pure functions; date::locate_zone is safe to call from any
// thread once the database has loaded (it loads on first use, under its own
// lock).
#pragma once

#include <date/tz.h>

#include <optional>
#include <string>
#include <string_view>

#include "common/clock.h"

namespace securebase::domain {

// The zone named `name` ("Europe/London"), or nullptr when we do not know it
// (or it is the server's own "localtime", which is no IANA name).
const date::time_zone* FindTimeZone(std::string_view name);

// The local wall time of `at` in `zone`, to the second (floored).
date::local_seconds LocalTimeOf(const date::time_zone& zone, Instant at);

// The local calendar day of `at` in `zone`.
date::local_days LocalDayOf(const date::time_zone& zone, Instant at);

// The Monday on or before `day`.
date::local_days MondayOf(date::local_days day);

// "2026-11-23".
std::string IsoDate(date::local_days day);

// The calendar date written as exactly "YYYY-MM-DD" (digits only, a real
// date: "2026-02-30" is not); nullopt otherwise.
std::optional<date::year_month_day> ParseIsoDate(std::string_view text);

// "Saturday 28 November 2026" (English names, no locale involved).
std::string LongDate(date::local_days day);

// "Saturday 28 November 2026, 21:40".
std::string LongDateTime(date::local_seconds time);

// `at` as local wall time in `zone` with its offset, RFC 3339:
// "2026-03-30T04:00:00-04:00" (seconds floored).
std::string LocalRfc3339(const date::time_zone& zone, Instant at);

}  // namespace securebase::domain
