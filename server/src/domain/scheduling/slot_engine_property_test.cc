// Property tests of the slot engine: hundreds of random schedules, session
// types, booked times and windows around the 2026 daylight-saving changes of
// zones with whole-hour, half-hour and midnight changes, each checked slot by
// slot and against a brute-force reference that walks every minute of the
// window.
//
// The reference shares no code with the engine. It reads the zone only from
// instants to local time (the zone's periods, sys_info), never from local
// time to instants, and finds each block's real extent by scanning: the
// block's instants run from the first minute whose local time lies in the
// block to the last one. That is the engine's rule for converting a block's
// ends (slot_engine.h) put another way.
#include "domain/scheduling/slot_engine.h"

#include <date/tz.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <random>
#include <utility>
#include <vector>

#include "common/rfc3339.h"

namespace securebase::domain {
namespace {

constexpr std::int64_t kMinuteMs = 60'000;
constexpr std::int64_t kHourMs = 60 * kMinuteMs;
constexpr std::int64_t kDayMs = 24 * kHourMs;
constexpr int kCases = 300;
constexpr std::uint32_t kFirstSeed = 20260329;

constexpr std::array<const char*, 9> kZones = {
    "Europe/London",       "Europe/Berlin",       "America/New_York",
    "America/Los_Angeles", "Australia/Lord_Howe", "Pacific/Chatham",
    "America/Havana",      "Asia/Kolkata",        "Europe/Dublin"};

std::int64_t FloorToMinute(std::int64_t ms) {
  return ms >= 0 ? ms / kMinuteMs * kMinuteMs : -((-ms + kMinuteMs - 1) / kMinuteMs) * kMinuteMs;
}

std::int64_t CeilToMinute(std::int64_t ms) {
  return -FloorToMinute(-ms);
}

std::int64_t Millis(date::sys_seconds t) {
  return std::int64_t{t.time_since_epoch().count()} * 1000;
}

// ---- The reference ------------------------------------------------------

// What applies on `day`, read straight from the schedule: the first override
// for the date, else the weekly ranges of its weekday.
std::vector<LocalRange> ReferenceRanges(const Schedule& s, date::local_days day) {
  const date::year_month_day ymd{day};
  for (const DateOverride& o : s.overrides) {
    if (o.date == ymd) return o.ranges;
  }
  std::vector<LocalRange> out;
  const int monday_based = static_cast<int>(date::weekday{day}.iso_encoding()) - 1;
  for (const WeeklyRange& w : s.weekly) {
    if (w.weekday == monday_based) out.push_back(w.range);
  }
  return out;
}

struct RefBlock {
  int start = 0;  // local minutes of its day
  int end = 0;
  std::int64_t first_ms = std::numeric_limits<std::int64_t>::max();  // real extent
  std::int64_t until_ms = std::numeric_limits<std::int64_t>::min();
};

class Reference {
 public:
  // How far beyond the window the reference reads the zone: every instant
  // whose local date is one the window touches, for zones whose offset moves
  // by at most two hours.
  static constexpr std::int64_t kMarginMs = 27 * kHourMs;

  Reference(const Schedule& schedule, const date::time_zone& zone, std::int64_t from,
            std::int64_t to)
      : first_ms_(FloorToMinute(from - kMarginMs)), end_ms_(CeilToMinute(to + kMarginMs)) {
    // Local time of every minute, walking the zone's periods forwards.
    // (Plain indexing: this loop is most of the test's time in a Debug build.)
    const auto minutes = static_cast<std::size_t>((end_ms_ - first_ms_) / kMinuteMs);
    local_minute_.resize(minutes);
    std::int64_t* local = local_minute_.data();
    std::int64_t period_end = first_ms_;
    std::int64_t offset_ms = 0;
    for (std::size_t i = 0; i < minutes; ++i) {
      const std::int64_t t = first_ms_ + static_cast<std::int64_t>(i) * kMinuteMs;
      if (t >= period_end) {
        const date::sys_info period =
            zone.get_info(date::sys_seconds{std::chrono::seconds{t / 1000}});
        period_end = Millis(period.end);
        offset_ms = std::int64_t{period.offset.count()} * 1000;
      }
      local[i] = (t + offset_ms) / kMinuteMs;
    }
    // Clocks go back by less than a day.
    const std::int64_t first_day = DayOf(local_minute_.front()) - 1;
    const std::int64_t last_day = DayOf(local_minute_.back()) + 1;
    // Blocks of every local day the span touches: runs of covered minutes.
    std::vector<std::array<int, 1440>> block_of(static_cast<std::size_t>(last_day - first_day + 1));
    for (std::int64_t day = first_day; day <= last_day; ++day) {
      std::array<bool, 1440> covered{};
      for (const LocalRange& r :
           ReferenceRanges(schedule, date::local_days{date::days{static_cast<int>(day)}})) {
        for (int m = std::max(0, r.start_minute); m < std::min(1440, r.end_minute); ++m) {
          covered[static_cast<std::size_t>(m)] = true;
        }
      }
      auto& of = block_of[static_cast<std::size_t>(day - first_day)];
      of.fill(-1);
      for (int m = 0; m < 1440; ++m) {
        if (!covered[static_cast<std::size_t>(m)]) continue;
        if (m == 0 || !covered[static_cast<std::size_t>(m - 1)]) blocks_.push_back({m, m});
        blocks_.back().end = m + 1;
        of[static_cast<std::size_t>(m)] = static_cast<int>(blocks_.size()) - 1;
      }
    }
    // The block of each minute, and each block's real extent: from the first
    // instant whose local time is in it to just after the last.
    block_at_.resize(minutes);
    for (std::size_t i = 0; i < minutes; ++i) {
      const std::int64_t day = DayOf(local[i]);
      const int index = block_of[static_cast<std::size_t>(day - first_day)]
                                [static_cast<std::size_t>(local[i] - day * 1440)];
      block_at_[i] = index;
      if (index < 0) continue;
      const std::int64_t t = first_ms_ + static_cast<std::int64_t>(i) * kMinuteMs;
      RefBlock& b = blocks_[static_cast<std::size_t>(index)];
      b.first_ms = std::min(b.first_ms, t);
      b.until_ms = std::max(b.until_ms, t + kMinuteMs);
    }
  }

  // The local minute (since the epoch) that the clock shows at `t`, a whole
  // minute inside the span.
  std::int64_t LocalMinute(std::int64_t t) const { return local_minute_[Index(t)]; }

  // The block whose local hours hold the local time of `t`, or nullptr.
  const RefBlock* BlockAt(std::int64_t t) const {
    const int index = block_at_[Index(t)];
    return index < 0 ? nullptr : &blocks_[static_cast<std::size_t>(index)];
  }

  // Every slot, minute by minute: the rules of slot_engine.h, one by one.
  std::vector<std::int64_t> Slots(const SessionType& type, const SlotQuery& q) const {
    std::vector<std::int64_t> out;
    const std::int64_t duration = type.duration_minutes * kMinuteMs;
    for (std::int64_t t = CeilToMinute(q.from.millis); t < q.to.millis; t += kMinuteMs) {
      const RefBlock* b = BlockAt(t);
      if (b == nullptr) continue;
      const std::int64_t minute_of_day = LocalMinute(t) - DayOf(LocalMinute(t)) * 1440;
      if ((minute_of_day - b->start) % type.slot_step_minutes != 0) continue;
      if (t < b->first_ms || t + duration > b->until_ms) continue;
      if (t < q.now.millis + type.minimum_notice_minutes * kMinuteMs) continue;
      if (t > q.now.millis + type.horizon_days * kDayMs) continue;
      const std::int64_t blocked_from = t - type.buffer_before_minutes * kMinuteMs;
      const std::int64_t blocked_until = t + duration + type.buffer_after_minutes * kMinuteMs;
      const bool taken = std::any_of(q.busy.begin(), q.busy.end(), [&](const Busy& busy) {
        return busy.from < busy.until && busy.from.millis < blocked_until &&
               blocked_from < busy.until.millis;
      });
      if (!taken) out.push_back(t);
    }
    return out;
  }

  static std::int64_t DayOf(std::int64_t local_minute) {
    return local_minute >= 0 ? local_minute / 1440 : -((-local_minute + 1439) / 1440);
  }

 private:
  std::size_t Index(std::int64_t t) const {
    return static_cast<std::size_t>((t - first_ms_) / kMinuteMs);
  }

  std::int64_t first_ms_;
  std::int64_t end_ms_;
  std::vector<std::int64_t> local_minute_;  // per minute of the span
  std::vector<int> block_at_;               // per minute of the span; -1: none
  std::vector<RefBlock> blocks_;
};

// ---- Random cases -------------------------------------------------------

struct Case {
  std::uint32_t seed = 0;
  Schedule schedule;
  SessionType type;
  SlotQuery query;
};

class Generator {
 public:
  explicit Generator(std::uint32_t seed) : rng_(seed) {}

  int Between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng_); }
  std::int64_t Between64(std::int64_t low, std::int64_t high) {
    return std::uniform_int_distribution<std::int64_t>(low, high)(rng_);
  }
  bool Chance(int percent) { return Between(1, 100) <= percent; }
  template <class T, std::size_t N>
  T Pick(const std::array<T, N>& from) {
    return from[static_cast<std::size_t>(Between(0, static_cast<int>(N) - 1))];
  }

  // A time of day: often exactly where the clock jumps (the last time shown
  // before a change, the first after, and midnight), often in the small
  // hours, else anywhere.
  int TimeOfDay() {
    if (!edges_.empty() && Chance(30)) {
      return edges_[static_cast<std::size_t>(Between(0, static_cast<int>(edges_.size()) - 1))];
    }
    if (Chance(50)) return 15 * Between(0, 20);  // 00:00–05:00 by quarters
    return 5 * Between(0, 288);                  // anywhere, by fives, 24:00 included
  }

  // 0–3 ranges of one day, sorted, some touching, now and then overlapping
  // (a schedule nobody checked: the engine joins them).
  std::vector<LocalRange> Ranges(int most) {
    const int n = Between(0, most);
    std::vector<int> points;
    while (static_cast<int>(points.size()) < 2 * n) {
      const int p = TimeOfDay();
      if (std::find(points.begin(), points.end(), p) == points.end()) points.push_back(p);
    }
    std::sort(points.begin(), points.end());
    std::vector<LocalRange> out;
    for (int i = 0; i < n; ++i) {
      LocalRange r{points[static_cast<std::size_t>(2 * i)],
                   points[static_cast<std::size_t>(2 * i + 1)]};
      if (!out.empty() && Chance(30)) r.start_minute = out.back().end_minute;  // touching
      if (!out.empty() && Chance(5) && out.back().end_minute - 15 > out.back().start_minute) {
        r.start_minute = out.back().end_minute - 15;  // overlapping
      }
      out.push_back(r);
    }
    std::shuffle(out.begin(), out.end(), rng_);  // any order in, sorted out
    return out;
  }

  Case Make(std::uint32_t seed) {
    Case c;
    c.seed = seed;
    c.schedule.time_zone = Pick(kZones);
    const date::time_zone* zone = date::locate_zone(c.schedule.time_zone);

    // The window: near one of the zone's 2026 changes, or anywhere in 2026.
    const std::vector<std::int64_t> changes = Changes2026(*zone);
    const std::int64_t year_start = Millis(date::sys_days{date::year{2026} / 1 / 1});
    std::int64_t around = year_start + Between64(0, 364) * kDayMs;
    edges_ = {0, 1440};
    if (!changes.empty() && Chance(85)) {
      around = changes[static_cast<std::size_t>(Between(0, static_cast<int>(changes.size()) - 1))];
      for (const std::int64_t side : {around - 1000, around}) {
        const auto local = zone->to_local(date::sys_seconds{std::chrono::seconds{side / 1000}});
        const auto minute =
            date::floor<std::chrono::minutes>(local - date::floor<date::days>(local));
        edges_.push_back(static_cast<int>(minute.count()) + (side < around ? 1 : 0));
      }
      // And the middle of the skipped or repeated time (unless it spans midnight).
      if (std::abs(edges_[2] - edges_[3]) <= 180) edges_.push_back((edges_[2] + edges_[3]) / 2);
    }

    for (int weekday = 0; weekday < 7; ++weekday) {
      if (!Chance(75)) continue;
      for (const LocalRange& r : Ranges(3)) c.schedule.weekly.push_back({weekday, r});
    }
    std::int64_t from = around + Between64(-60, 12) * kHourMs + Between64(0, 3) * 15 * kMinuteMs;
    if (Chance(15)) from += Between64(0, kMinuteMs - 1);  // not on a minute
    const std::int64_t to = from + Between64(1, 4 * 24) * kHourMs;
    c.query.from = Instant{from};
    c.query.to = Instant{to};

    for (int i = Between(0, 3); i > 0; --i) {
      const date::local_days day = date::floor<date::days>(zone->to_local(
          date::sys_seconds{std::chrono::seconds{(from + Between64(-1, 4) * kDayMs) / 1000}}));
      c.schedule.overrides.push_back({date::year_month_day{day}, Ranges(2)});
    }

    SessionType& t = c.type;
    t.name = "Session";
    t.duration_minutes = Pick(std::array<int, 10>{5, 15, 20, 30, 45, 50, 60, 90, 120, 180});
    t.slot_step_minutes = Pick(std::array<int, 9>{5, 10, 15, 20, 25, 30, 45, 60, 90});
    t.buffer_before_minutes = Pick(std::array<int, 6>{0, 0, 0, 5, 15, 30});
    t.buffer_after_minutes = Pick(std::array<int, 6>{0, 0, 0, 10, 15, 60});
    t.minimum_notice_minutes = Pick(std::array<int, 5>{0, 0, 30, 60, 1440});
    t.horizon_days = Chance(80) ? 365 : Between(1, 5);

    // Now: usually before the window, sometimes inside it (so the notice bites).
    std::int64_t now = from - Between64(0, 3 * 24) * kHourMs;
    if (Chance(25)) now = from + Between64(0, to - from);
    c.query.now = Instant{now};

    // Booked time: whole minutes mostly, so that edges meet exactly.
    for (int i = Between(0, 6); i > 0; --i) {
      std::int64_t start = from + Between64(-3 * 60, (to - from) / kMinuteMs + 60) * kMinuteMs;
      std::int64_t length = Between64(1, 180) * kMinuteMs;
      if (Chance(20)) start += Between64(0, kMinuteMs - 1);
      if (Chance(5)) length = 0;
      c.query.busy.push_back({Instant{start}, Instant{start + length}});
    }
    return c;
  }

 private:
  // The instants at which the zone's offset changes in 2026.
  static std::vector<std::int64_t> Changes2026(const date::time_zone& zone) {
    std::vector<std::int64_t> out;
    date::sys_seconds t = date::sys_days{date::year{2026} / 1 / 1};
    const date::sys_seconds end = date::sys_days{date::year{2027} / 1 / 1};
    while (t < end) {
      const date::sys_info info = zone.get_info(t);
      if (info.end >= end) break;
      if (zone.get_info(info.end).offset != info.offset) out.push_back(Millis(info.end));
      t = info.end;
    }
    return out;
  }

  std::mt19937 rng_;
  std::vector<int> edges_;  // minutes of the day where the clock jumps
};

std::string Describe(const Case& c) {
  return fmt::format(
      "seed {} ({}, window {} – {}, now {}, duration {}, step {}, buffers {}/{}, "
      "notice {}, horizon {})",
      c.seed, c.schedule.time_zone, Rfc3339(c.query.from), Rfc3339(c.query.to),
      Rfc3339(c.query.now), c.type.duration_minutes, c.type.slot_step_minutes,
      c.type.buffer_before_minutes, c.type.buffer_after_minutes, c.type.minimum_notice_minutes,
      c.type.horizon_days);
}

// ---- The properties -----------------------------------------------------

TEST(SlotEngineProperty, EverySlotKeepsEveryRuleAndNoSlotIsMissed) {
  int slots_seen = 0;
  int ambiguous_seen = 0;
  for (int i = 0; i < kCases; ++i) {
    const std::uint32_t seed = kFirstSeed + static_cast<std::uint32_t>(i);
    Generator g(seed);
    const Case c = g.Make(seed);
    SCOPED_TRACE(Describe(c));
    const date::time_zone& zone = *date::locate_zone(c.schedule.time_zone);
    const Reference ref(c.schedule, zone, c.query.from.millis, c.query.to.millis);

    const std::vector<Slot> slots = FreeSlots(c.schedule, c.type, c.query);
    slots_seen += static_cast<int>(slots.size());
    const std::int64_t duration = c.type.duration_minutes * kMinuteMs;
    for (std::size_t k = 0; k < slots.size(); ++k) {
      const Slot& s = slots[k];
      // Written out only when an expectation fails.
      const auto where = [&s] { return "slot " + Rfc3339(s.start); };
      const std::int64_t t = s.start.millis;
      EXPECT_EQ(s.end.millis - t, duration) << where();
      // (a) Its local start exists and converts back to the same instant.
      const auto local = zone.to_local(date::sys_seconds{std::chrono::seconds{t / 1000}});
      const date::local_info info = zone.get_info(local);
      ASSERT_NE(info.result, date::local_info::nonexistent) << where();
      const std::int64_t as_first =
          Millis(date::sys_seconds{local.time_since_epoch() - info.first.offset});
      const std::int64_t as_second =
          Millis(date::sys_seconds{local.time_since_epoch() - info.second.offset});
      EXPECT_TRUE(as_first == t || (info.result == date::local_info::ambiguous && as_second == t))
          << where();
      if (info.result == date::local_info::ambiguous) ++ambiguous_seen;
      // (b) The session lies inside one block's real extent.
      ASSERT_EQ(t % kMinuteMs, 0) << where();
      const RefBlock* b = ref.BlockAt(t);
      ASSERT_NE(b, nullptr) << where() << ": its local start is outside her hours";
      EXPECT_GE(t, b->first_ms) << where();
      EXPECT_LE(t + duration, b->until_ms) << where();
      // (c) Its blocked time overlaps no booked time.
      const Busy blocked = BlockedTime(c.type, s.start);
      for (const Busy& busy : c.query.busy) {
        if (busy.from < busy.until) {
          EXPECT_FALSE(busy.from < blocked.until && blocked.from < busy.until)
              << where() << " overlaps booked time from " << Rfc3339(busy.from);
        }
      }
      // (d) Notice, horizon, window, and the step from the block's start.
      EXPECT_GE(t, c.query.now.millis + c.type.minimum_notice_minutes * kMinuteMs) << where();
      EXPECT_LE(t, c.query.now.millis + c.type.horizon_days * kDayMs) << where();
      EXPECT_GE(s.start, c.query.from) << where();
      EXPECT_LT(s.start, c.query.to) << where();
      const std::int64_t minute_of_day = ((ref.LocalMinute(t) % 1440) + 1440) % 1440;
      EXPECT_EQ((minute_of_day - b->start) % c.type.slot_step_minutes, 0) << where();
      // (e) In order, without repeats.
      if (k > 0) {
        EXPECT_LT(slots[k - 1].start, s.start) << where();
      }
    }
    // The days' ranges as RangesOn gives them are the reference's, sorted.
    const date::local_days first_day = date::floor<date::days>(
        zone.to_local(date::sys_seconds{std::chrono::seconds{c.query.from.millis / 1000}}));
    for (int d = -1; d <= 5; ++d) {
      std::vector<LocalRange> want = ReferenceRanges(c.schedule, first_day + date::days{d});
      std::sort(want.begin(), want.end(), [](const LocalRange& a, const LocalRange& b) {
        return std::pair{a.start_minute, a.end_minute} < std::pair{b.start_minute, b.end_minute};
      });
      EXPECT_EQ(RangesOn(c.schedule, first_day + date::days{d}), want);
    }
    // Completeness: the brute force finds exactly these.
    std::vector<std::int64_t> got;
    for (const Slot& s : slots) got.push_back(s.start.millis);
    const std::vector<std::int64_t> want = ref.Slots(c.type, c.query);
    if (got != want) {
      std::string diff;
      for (std::int64_t t : want) {
        if (!std::binary_search(got.begin(), got.end(), t))
          diff += " missing " + Rfc3339(Instant{t});
      }
      for (std::int64_t t : got) {
        if (!std::binary_search(want.begin(), want.end(), t))
          diff += " extra " + Rfc3339(Instant{t});
      }
      ADD_FAILURE() << "differs from the brute force:" << diff;
    }
    if (HasFatalFailure()) return;
  }
  // The cases must reach what they are for.
  EXPECT_GT(slots_seen, 5 * kCases);
  EXPECT_GT(ambiguous_seen, 20);
}

}  // namespace
}  // namespace securebase::domain
