// make bench, part three: the slot engine (domain/scheduling/slot_engine.h)
// on its own, pure computation. The target (DESIGN.md §7) is one year of
// slots in under 1 ms: weekdays 09:00–17:00, a 30-minute step, 50 sessions
// already booked. Also four weeks (what the booking page asks for), a zone
// with half-hour changes, and a year with many dated changes of hours.
//
// Prints a Markdown table on stdout. Not a test: it asserts nothing.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "common/rfc3339.h"
#include "domain/scheduling/slot_engine.h"

namespace sb = securebase;
namespace dom = securebase::domain;
using Us = std::chrono::duration<double, std::micro>;

namespace {

constexpr int kRepeats = 400;
constexpr std::int64_t kDayMs = 86'400'000;

struct Timing {
  double p50 = 0, p95 = 0;
};

Timing Measure(const std::function<void()>& f) {
  for (int i = 0; i < 20; ++i) f();  // warm: the zone database loads on first use
  std::vector<double> us;
  for (int i = 0; i < kRepeats; ++i) {
    const auto start = std::chrono::steady_clock::now();
    f();
    us.push_back(Us(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(us.begin(), us.end());
  return {us[us.size() / 2], us[us.size() * 95 / 100]};
}

dom::Schedule Weekdays(const char* zone) {
  dom::Schedule s;
  s.time_zone = zone;
  for (int weekday = 0; weekday < 5; ++weekday) s.weekly.push_back({weekday, {9 * 60, 17 * 60}});
  return s;
}

dom::SessionType Therapy() {
  dom::SessionType t;
  t.name = "Therapy session";
  t.duration_minutes = 50;
  t.buffer_after_minutes = 10;
  t.minimum_notice_minutes = 1440;
  t.horizon_days = 365;
  t.slot_step_minutes = 30;
  return t;
}

// `count` sessions booked at free slots spread over the window.
std::vector<dom::Busy> Booked(const dom::Schedule& s, const dom::SessionType& t,
                              const dom::SlotQuery& q, int count) {
  const auto free = dom::FreeSlots(s, t, q);
  std::mt19937 rng(20260105);
  std::vector<dom::Busy> busy;
  for (int i = 0; i < count && !free.empty(); ++i) {
    busy.push_back(dom::BlockedTime(t, free[rng() % free.size()].start));
  }
  return busy;
}

void Row(const char* what, const dom::Schedule& s, const dom::SessionType& t, dom::SlotQuery q,
         int bookings) {
  q.busy = Booked(s, t, q, bookings);
  std::size_t slots = 0;
  const Timing timing = Measure([&] { slots = dom::FreeSlots(s, t, q).size(); });
  std::printf("| %s | %zu | %d | %.0f | %.0f |\n", what, slots, bookings, timing.p50, timing.p95);
}

}  // namespace

int main() {
  const sb::Instant now = *sb::ParseRfc3339("2026-01-05T07:00:00Z");
  const dom::SessionType therapy = Therapy();
  const dom::SlotQuery year{now, sb::Instant{now.millis + 365 * kDayMs}, now, {}};
  const dom::SlotQuery four_weeks{now, sb::Instant{now.millis + 28 * kDayMs}, now, {}};

  std::printf("| slot engine, release build | slots | booked | p50 µs | p95 µs |\n");
  std::printf("|---|---:|---:|---:|---:|\n");
  const dom::Schedule london = Weekdays("Europe/London");
  Row("one year, Europe/London, weekdays 09:00–17:00", london, therapy, year, 50);
  Row("four weeks, the same", london, therapy, four_weeks, 10);
  Row("one year, Australia/Lord_Howe (half-hour changes)", Weekdays("Australia/Lord_Howe"), therapy,
      year, 50);
  // Small-hours ranges on every day: every change of clocks falls in a block.
  dom::Schedule nights = Weekdays("America/New_York");
  for (int weekday = 0; weekday < 7; ++weekday) nights.weekly.push_back({weekday, {0, 4 * 60}});
  Row("one year, America/New_York, 00:00–04:00 every day too", nights, therapy, year, 50);
  dom::Schedule changes = london;
  const date::local_days first{date::year{2026} / 1 / 5};
  for (int d = 0; d < 365; d += 1) {
    if (d % 7 < 5 && d % 3 == 0) {
      changes.overrides.push_back(
          {date::year_month_day{first + date::days{d}}, {{10 * 60, 13 * 60}}});
    }
  }
  Row("one year, London, 104 days with their own hours", changes, therapy, year, 50);
  return 0;
}
