#include "common/rfc3339.h"

#include <fmt/format.h>

#include <chrono>
#include <optional>
#include <string_view>

namespace securebase {
namespace {

// The digits text[pos, pos + n) as a number; -1 unless all are digits.
int Digits(std::string_view text, std::size_t pos, std::size_t n) {
  if (pos + n > text.size()) return -1;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    v = v * 10 + (text[i] - '0');
  }
  return v;
}

bool At(std::string_view text, std::size_t pos, char c) {
  return pos < text.size() && text[pos] == c;
}

}  // namespace

std::string Rfc3339(Instant at) {
  using namespace std::chrono;
  const sys_seconds t = floor<seconds>(sys_time<milliseconds>(milliseconds(at.millis)));
  const sys_days day = floor<days>(t);
  const year_month_day ymd(day);
  const hh_mm_ss<seconds> hms(t - day);
  return WriteDateTime(static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()), hms.hours().count(), hms.minutes().count(),
                       hms.seconds().count(), "Z");
}

std::string WriteDateTime(int year, unsigned month, unsigned day, long hour, long minute,
                          long second, std::string_view suffix) {
  if (year < 0 || year > 9999) {
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}", year, month, day, hour, minute,
                       second, suffix);
  }
  const auto two = [](char* at, long v) {
    at[0] = static_cast<char>('0' + v / 10);
    at[1] = static_cast<char>('0' + v % 10);
  };
  char text[19] = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0',
                   'T', '0', '0', ':', '0', '0', ':', '0', '0'};
  two(text, year / 100);
  two(text + 2, year % 100);
  two(text + 5, month);
  two(text + 8, day);
  two(text + 11, hour);
  two(text + 14, minute);
  two(text + 17, second);
  std::string out;
  out.reserve(sizeof text + suffix.size());
  out.append(text, sizeof text).append(suffix);
  return out;
}

std::optional<Instant> ParseRfc3339(std::string_view t) {
  // YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)
  const int year = Digits(t, 0, 4), month = Digits(t, 5, 2), day = Digits(t, 8, 2);
  const int hour = Digits(t, 11, 2), minute = Digits(t, 14, 2), second = Digits(t, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return std::nullopt;
  if (!At(t, 4, '-') || !At(t, 7, '-') || !(At(t, 10, 'T') || At(t, 10, 't')) || !At(t, 13, ':') ||
      !At(t, 16, ':')) {
    return std::nullopt;
  }
  std::size_t pos = 19;
  if (At(t, pos, '.')) {
    const std::size_t digits_from = ++pos;
    while (pos < t.size() && t[pos] >= '0' && t[pos] <= '9') ++pos;
    if (pos == digits_from) return std::nullopt;
  }
  int offset_minutes = 0;
  if (At(t, pos, 'Z') || At(t, pos, 'z')) {
    ++pos;
  } else if (At(t, pos, '+') || At(t, pos, '-')) {
    const int sign = t[pos] == '-' ? -1 : 1;
    const int oh = Digits(t, pos + 1, 2), om = Digits(t, pos + 4, 2);
    if (oh < 0 || om < 0 || !At(t, pos + 3, ':') || oh > 23 || om > 59) return std::nullopt;
    offset_minutes = sign * (oh * 60 + om);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != t.size()) return std::nullopt;

  using namespace std::chrono;
  const year_month_day ymd{std::chrono::year(year),
                           std::chrono::month(static_cast<unsigned>(month)),
                           std::chrono::day(static_cast<unsigned>(day))};
  // No leap seconds: a clock that shows :60 is rare enough to refuse.
  if (!ymd.ok() || hour > 23 || minute > 59 || second > 59) return std::nullopt;
  const sys_seconds at =
      sys_days(ymd) + hours(hour) + minutes(minute) + seconds(second) - minutes(offset_minutes);
  // An offset can carry a time at the edge of year 0000 or 9999 into a year
  // of other than four digits, which Rfc3339 could not write back as one
  // readable instant (found while writing
  // fuzz/time_zone.cc).
  constexpr sys_days kFirst = sys_days(std::chrono::year(0) / January / 1);
  constexpr sys_days kAfterLast = sys_days(std::chrono::year(10000) / January / 1);
  if (at < kFirst || at >= kAfterLast) return std::nullopt;
  return Instant{duration_cast<milliseconds>(at.time_since_epoch()).count()};
}

}  // namespace securebase
