#include "domain/calendar/local_calendar.h"

#include <fmt/format.h>

#include <array>
#include <chrono>
#include <stdexcept>

#include "common/rfc3339.h"

namespace securebase::domain {
namespace {

constexpr std::array<const char*, 7> kWeekdays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                  "Thursday", "Friday", "Saturday"};
constexpr std::array<const char*, 12> kMonths = {"January",   "February", "March",    "April",
                                                 "May",       "June",     "July",     "August",
                                                 "September", "October",  "November", "December"};

}  // namespace

const date::time_zone* FindTimeZone(std::string_view name) {
  // Zone names are short; a long one is not worth a lookup. "localtime" is
  // Debian's link to /etc/localtime, the server's own zone, which the OS
  // database lists with the IANA names: no learner lives there (found
  // while writing fuzz/time_zone.cc).
  if (name.empty() || name.size() > 64 || name == "localtime") return nullptr;
  try {
    return date::locate_zone(name);
  } catch (const std::runtime_error&) {
    return nullptr;
  }
}

date::local_seconds LocalTimeOf(const date::time_zone& zone, Instant at) {
  const date::sys_time<std::chrono::milliseconds> t{std::chrono::milliseconds(at.millis)};
  return date::floor<std::chrono::seconds>(zone.to_local(t));
}

date::local_days LocalDayOf(const date::time_zone& zone, Instant at) {
  return date::floor<date::days>(LocalTimeOf(zone, at));
}

date::local_days MondayOf(date::local_days day) {
  return day - (date::weekday(day) - date::Monday);
}

std::string IsoDate(date::local_days day) {
  const date::year_month_day ymd(day);
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

std::optional<date::year_month_day> ParseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int number[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (std::size_t part = 0; part < 3; ++part) {
    for (std::size_t i = starts[part]; i < starts[part] + lengths[part]; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      number[part] = number[part] * 10 + (text[i] - '0');
    }
  }
  const date::year_month_day day{date::year{number[0]},
                                 date::month{static_cast<unsigned>(number[1])},
                                 date::day{static_cast<unsigned>(number[2])}};
  if (!day.ok()) return std::nullopt;
  return day;
}

std::string LongDate(date::local_days day) {
  const date::year_month_day ymd(day);
  return fmt::format("{} {} {} {}", kWeekdays[date::weekday(day).c_encoding()],
                     static_cast<unsigned>(ymd.day()),
                     kMonths[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()));
}

std::string LongDateTime(date::local_seconds time) {
  const date::local_days day = date::floor<date::days>(time);
  const date::hh_mm_ss<std::chrono::seconds> clock(time - day);
  return fmt::format("{}, {:02}:{:02}", LongDate(day), clock.hours().count(),
                     clock.minutes().count());
}

std::string LocalRfc3339(const date::time_zone& zone, Instant at) {
  const date::sys_seconds t = date::floor<std::chrono::seconds>(
      date::sys_time<std::chrono::milliseconds>{std::chrono::milliseconds(at.millis)});
  // RFC 3339 offsets are whole minutes; local mean times before about 1972
  // were not (Monrovia's was -00:44:30). The offset is cut to its minutes and
  // the wall time follows it, so the text still names the instant itself
  // (found by fuzz/time_zone.cc).
  const std::chrono::seconds offset_seconds =
      std::chrono::duration_cast<std::chrono::minutes>(zone.get_info(t).offset);
  const date::local_seconds local{t.time_since_epoch() + offset_seconds};
  const date::local_days day = date::floor<date::days>(local);
  const date::year_month_day ymd(day);
  const date::hh_mm_ss<std::chrono::seconds> clock(local - day);
  const long offset = offset_seconds.count();
  const long magnitude = offset < 0 ? -offset : offset;
  const long oh = magnitude / 3600, om = (magnitude % 3600) / 60;
  const char suffix[6] = {offset < 0 ? '-' : '+',           static_cast<char>('0' + oh / 10),
                          static_cast<char>('0' + oh % 10), ':',
                          static_cast<char>('0' + om / 10), static_cast<char>('0' + om % 10)};
  return WriteDateTime(static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()), clock.hours().count(),
                       clock.minutes().count(), clock.seconds().count(),
                       std::string_view(suffix, sizeof suffix));
}

}  // namespace securebase::domain
