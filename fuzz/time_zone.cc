// Feeds the names and texts by which a learner's place in time reaches the
// server: a time-zone name (domain::FindTimeZone, which every learner-zone
// lookup goes through, and the account rule CheckTimeZone), an RFC 3339
// instant (ParseRfc3339, every instant in an API body) and a calendar date
// (ParseIsoDate, dates in the schedule and reports). The first byte picks
// which; the rest is the text.
//
// Beyond "no crash" it checks that FindTimeZone and CheckTimeZone agree on
// every name; that a zone found writes instants of 1900–2200 as RFC 3339
// with an offset that reads back as the same instant, and a week that starts
// on the Monday on or before the day; that an instant read formats to
// "YYYY-MM-DDTHH:MM:SSZ" and reads back the same; that a date read writes
// back as exactly the text given.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "common/rfc3339.h"
#include "domain/accounts/account_rules.h"
#include "domain/calendar/local_calendar.h"

namespace {

using namespace securebase;

void Require(bool ok) {
  if (!ok) std::abort();
}

void Zone(std::string_view name, std::uint64_t seed) {
  const date::time_zone* zone = domain::FindTimeZone(name);
  Require((zone != nullptr) == domain::CheckTimeZone(name).has_value());
  if (!zone) return;
  // 1900-01-01 to 2200-01-01, in milliseconds.
  constexpr std::int64_t kFrom = -2208988800000;
  constexpr std::int64_t kSpan = 9467280000000;
  const Instant at{kFrom + static_cast<std::int64_t>(seed % kSpan)};
  const std::string local = domain::LocalRfc3339(*zone, at);
  const auto back = ParseRfc3339(local);
  Require(back.has_value() && back->millis == at.millis - (((at.millis % 1000) + 1000) % 1000));
  const auto day = domain::LocalDayOf(*zone, at);
  const auto monday = domain::MondayOf(day);
  Require(monday <= day && day - monday < date::days{7});
  Require(date::weekday(monday) == date::Monday);
  Require(domain::IsoDate(day) == local.substr(0, 10));
  (void)domain::LongDateTime(domain::LocalTimeOf(*zone, at));
}

void Instant3339(std::string_view text) {
  const auto at = ParseRfc3339(text);
  if (!at) return;
  const std::string written = Rfc3339(*at);
  Require(written.size() == 20 && written[10] == 'T' && written.back() == 'Z');
  const auto again = ParseRfc3339(written);
  Require(again.has_value() && again->millis == at->millis);
}

void IsoDate(std::string_view text) {
  const auto ymd = domain::ParseIsoDate(text);
  if (!ymd) return;
  Require(ymd->ok());
  Require(domain::IsoDate(date::local_days{*ymd}) == text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 9) return 0;
  std::uint64_t seed = 0;
  for (int i = 1; i <= 8; ++i) seed = seed << 8 | data[i];
  const std::string_view text(reinterpret_cast<const char*>(data) + 9, size - 9);
  switch (data[0] % 3) {
    case 0: Zone(text, seed); break;
    case 1: Instant3339(text); break;
    default: IsoDate(text); break;
  }
  return 0;
}
