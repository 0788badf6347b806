#include "domain/scheduling/slot_engine.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>

#include "domain/calendar/local_calendar.h"

namespace securebase::domain {
namespace {

constexpr std::int64_t kMinuteMs = 60'000;
constexpr std::int64_t kDayMs = 86'400'000;
constexpr int kMinutesPerDay = 1440;

std::int64_t Millis(date::sys_seconds t) {
  return static_cast<std::int64_t>(t.time_since_epoch().count()) * 1000;
}

std::int64_t Millis(std::chrono::seconds d) {
  return static_cast<std::int64_t>(d.count()) * 1000;
}

// The weekly hours by weekday and the overrides by date, so that walking the
// days in order costs one step per day (RangesOn searches every override).
class DayRanges {
 public:
  explicit DayRanges(const Schedule& schedule) {
    for (const WeeklyRange& w : schedule.weekly) {
      if (w.weekday >= 0 && w.weekday <= 6)
        weekly_[static_cast<std::size_t>(w.weekday)].push_back(w.range);
    }
    for (auto& day : weekly_) std::sort(day.begin(), day.end(), ByStart);
    for (const DateOverride& o : schedule.overrides) {
      if (o.date.ok()) overrides_.push_back(&o);
    }
    // Stable: with two overrides for one date (CheckSchedule refuses it), the
    // first wins, as in RangesOn.
    std::stable_sort(overrides_.begin(), overrides_.end(),
                     [](const DateOverride* a, const DateOverride* b) {
                       return date::sys_days(a->date) < date::sys_days(b->date);
                     });
  }

  // Roughly how many candidates a week of the weekly hours has, to size the
  // list once.
  std::size_t WeeklyCandidates(int step) const {
    std::size_t count = 0;
    for (const auto& day : weekly_) {
      for (const LocalRange& r : day) {
        count += static_cast<std::size_t>(std::max(0, r.end_minute - r.start_minute) / step + 1);
      }
    }
    return count;
  }

  // The blocks of `day`: its ranges, sorted, with ranges that touch (or,
  // in a schedule that was never checked, overlap) joined. Days must be asked
  // for in increasing order.
  const std::vector<LocalRange>& BlocksOn(date::local_days day) {
    const date::sys_days key(day.time_since_epoch());
    while (next_override_ < overrides_.size() &&
           date::sys_days(overrides_[next_override_]->date) < key) {
      ++next_override_;
    }
    const std::vector<LocalRange>* ranges = nullptr;
    if (next_override_ < overrides_.size() &&
        date::sys_days(overrides_[next_override_]->date) == key) {
      scratch_ = overrides_[next_override_]->ranges;
      std::sort(scratch_.begin(), scratch_.end(), ByStart);
      ranges = &scratch_;
    } else {
      ranges = &weekly_[date::weekday(day).iso_encoding() - 1];
    }
    blocks_.clear();
    for (const LocalRange& r : *ranges) {
      const int start = std::clamp(r.start_minute, 0, kMinutesPerDay);
      const int end = std::clamp(r.end_minute, 0, kMinutesPerDay);
      if (end <= start) continue;
      if (!blocks_.empty() && start <= blocks_.back().end_minute) {
        blocks_.back().end_minute = std::max(blocks_.back().end_minute, end);
      } else {
        blocks_.push_back({start, end});
      }
    }
    return blocks_;
  }

 private:
  static bool ByStart(const LocalRange& a, const LocalRange& b) {
    return a.start_minute < b.start_minute;
  }

  std::array<std::vector<LocalRange>, 7> weekly_;
  std::vector<const DateOverride*> overrides_;
  std::size_t next_override_ = 0;
  std::vector<LocalRange> scratch_;
  std::vector<LocalRange> blocks_;
};

// Most days are far from any change of offset: there a local time is
// simply the instant plus the offset. The zone's period (sys_info) is kept
// from block to block, so a year costs a handful of lookups.
class OffsetCursor {
 public:
  explicit OffsetCursor(const date::time_zone& zone) : zone_(zone) {}

  // The one offset of every local time in [a, b] when no change of offset is
  // within two days of them (offsets differ by less than that, so none of
  // those local times is skipped or repeated); nullopt otherwise.
  std::optional<std::chrono::seconds> SteadyOffset(date::local_seconds a, date::local_seconds b) {
    if (have_ && Covers(a, b)) return period_.offset;
    const date::local_info info = zone_.get_info(a);
    if (info.result != date::local_info::unique) return std::nullopt;
    period_ = info.first;
    have_ = true;
    if (Covers(a, b)) return period_.offset;
    return std::nullopt;
  }

 private:
  bool Covers(date::local_seconds a, date::local_seconds b) const {
    constexpr date::days kMargin{2};
    const date::sys_seconds first{a.time_since_epoch() - period_.offset - kMargin};
    const date::sys_seconds last{b.time_since_epoch() - period_.offset + kMargin};
    return first >= period_.begin && last < period_.end;
  }

  const date::time_zone& zone_;
  date::sys_info period_{};
  bool have_ = false;
};

// A block's start as an instant: in a gap, the instant the gap ends; when it
// occurs twice, the earlier.
std::int64_t BlockStartMillis(const date::time_zone& zone, date::local_seconds t) {
  const date::local_info info = zone.get_info(t);
  if (info.result == date::local_info::nonexistent) return Millis(info.first.end);
  return Millis(date::sys_seconds{t.time_since_epoch() - info.first.offset});
}

// A block's end as an instant: the moment the clock last shows a time
// before it. So an end in a gap is the instant the gap ends, an end inside a
// repeated hour is its later pass, and an end exactly where the repeated hour
// begins (Havana's 24:00 on the night its clocks go back) is the first pass:
// what follows shows times at or after the end.
std::int64_t BlockEndMillis(const date::time_zone& zone, date::local_seconds t) {
  const date::local_seconds before = t - std::chrono::seconds{1};
  const date::local_info info = zone.get_info(before);
  switch (info.result) {
    case date::local_info::nonexistent: return Millis(info.first.end);
    case date::local_info::ambiguous:
      return Millis(date::sys_seconds{before.time_since_epoch() - info.second.offset}) + 1000;
    case date::local_info::unique: break;
  }
  return Millis(date::sys_seconds{before.time_since_epoch() - info.first.offset}) + 1000;
}

// Start instants that pass every rule but the booked sessions, from the
// blocks of one local day.
class Candidates {
 public:
  Candidates(const date::time_zone& zone, const SessionType& type, std::int64_t lowest,
             std::int64_t end_before)
      : zone_(zone),
        cursor_(zone),
        duration_ms_(type.duration_minutes * kMinuteMs),
        step_(type.slot_step_minutes),
        lowest_(lowest),
        end_before_(end_before) {}

  void AddDay(date::local_days day, const std::vector<LocalRange>& blocks,
              std::vector<std::int64_t>& out) {
    for (const LocalRange& b : blocks) {
      const date::local_seconds first = day + std::chrono::minutes(b.start_minute);
      const date::local_seconds last = day + std::chrono::minutes(b.end_minute);
      if (const auto offset = cursor_.SteadyOffset(first, last)) {
        AddSteady(first, b, Millis(*offset), out);
      } else {
        AddNearChange(day, b, out);
      }
    }
  }

 private:
  // Every local time of the block exists once: candidates are evenly spaced.
  void AddSteady(date::local_seconds first, const LocalRange& b, std::int64_t offset_ms,
                 std::vector<std::int64_t>& out) const {
    const std::int64_t block_start = Millis(first.time_since_epoch()) - offset_ms;
    const std::int64_t block_end =
        block_start + static_cast<std::int64_t>(b.end_minute - b.start_minute) * kMinuteMs;
    for (std::int64_t t = block_start; t + duration_ms_ <= block_end;
         t += static_cast<std::int64_t>(step_) * kMinuteMs) {
      Keep(t, out);
    }
  }

  // Near a change of offset each candidate is looked up: a skipped local
  // time gives none, a repeated one both.
  void AddNearChange(date::local_days day, const LocalRange& b,
                     std::vector<std::int64_t>& out) const {
    const std::int64_t block_start =
        BlockStartMillis(zone_, day + std::chrono::minutes(b.start_minute));
    const std::int64_t block_end = BlockEndMillis(zone_, day + std::chrono::minutes(b.end_minute));
    for (int minute = b.start_minute; minute < b.end_minute; minute += step_) {
      const date::local_seconds local = day + std::chrono::minutes(minute);
      const date::local_info info = zone_.get_info(local);
      if (info.result == date::local_info::nonexistent) continue;
      for (const date::sys_info* period : {&info.first, &info.second}) {
        const std::int64_t t = Millis(date::sys_seconds{local.time_since_epoch() - period->offset});
        if (t >= block_start && t + duration_ms_ <= block_end) Keep(t, out);
        if (info.result == date::local_info::unique) break;
      }
    }
  }

  void Keep(std::int64_t t, std::vector<std::int64_t>& out) const {
    if (t >= lowest_ && t < end_before_) out.push_back(t);
  }

  const date::time_zone& zone_;
  OffsetCursor cursor_;
  std::int64_t duration_ms_;
  int step_;
  std::int64_t lowest_;      // window start or minimum notice, whichever is later
  std::int64_t end_before_;  // window end or just after the horizon, whichever is sooner
};

// The booked time as disjoint intervals in order: empty ones dropped,
// overlapping or touching ones joined (the union is the same set of instants).
std::vector<Busy> Disjoint(std::vector<Busy> busy) {
  std::erase_if(busy, [](const Busy& b) { return b.until <= b.from; });
  std::sort(busy.begin(), busy.end(), [](const Busy& a, const Busy& b) { return a.from < b.from; });
  std::vector<Busy> out;
  for (const Busy& b : busy) {
    if (!out.empty() && b.from <= out.back().until) {
      out.back().until = std::max(out.back().until, b.until);
    } else {
      out.push_back(b);
    }
  }
  return out;
}

}  // namespace

Busy BlockedTime(const SessionType& type, Instant start) {
  return {Instant{start.millis - type.buffer_before_minutes * kMinuteMs},
          Instant{start.millis + (type.duration_minutes + type.buffer_after_minutes) * kMinuteMs}};
}

std::vector<Slot> FreeSlots(const Schedule& schedule, const SessionType& type,
                            const SlotQuery& query) {
  const date::time_zone* zone = FindTimeZone(schedule.time_zone);
  if (zone == nullptr || type.duration_minutes <= 0 || type.slot_step_minutes <= 0) return {};

  const std::int64_t lowest =
      std::max(query.from.millis, query.now.millis + type.minimum_notice_minutes * kMinuteMs);
  const std::int64_t horizon = query.now.millis + type.horizon_days * kDayMs;
  const std::int64_t end_before = std::min(query.to.millis, horizon + 1);
  if (lowest >= end_before) return {};

  // A slot's local date is that of its start; a day either side is spare.
  const date::local_days first_day = LocalDayOf(*zone, Instant{lowest}) - date::days{1};
  const date::local_days last_day = LocalDayOf(*zone, Instant{end_before - 1}) + date::days{1};

  DayRanges ranges(schedule);
  Candidates candidates(*zone, type, lowest, end_before);
  std::vector<std::int64_t> starts;
  const auto days = static_cast<std::size_t>((last_day - first_day).count() + 1);
  starts.reserve(ranges.WeeklyCandidates(type.slot_step_minutes) * (days + 6) / 7);
  bool in_order = true;
  for (date::local_days day = first_day; day <= last_day; day += date::days{1}) {
    const std::size_t before = starts.size();
    candidates.AddDay(day, ranges.BlocksOn(day), starts);
    // A repeated hour gives a day's candidates out of order: 01:00 BST,
    // 01:00 GMT, 01:30 BST, 01:30 GMT.
    const auto day_begin = starts.begin() + static_cast<std::ptrdiff_t>(before);
    if (!std::is_sorted(day_begin, starts.end())) std::sort(day_begin, starts.end());
    // Only a clock going back across midnight could mix two days.
    if (before > 0 && before < starts.size() && starts[before] < starts[before - 1]) {
      in_order = false;
    }
  }
  if (!in_order) std::sort(starts.begin(), starts.end());
  // An instant shows one local time, so no candidate comes twice; this keeps
  // the promise even if that changes.
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());

  // Blocked times start in the same order as the slots, so one pass over the
  // booked time, in order, decides every candidate.
  const std::vector<Busy> busy = Disjoint(query.busy);
  std::vector<Slot> slots;
  slots.reserve(starts.size());
  std::size_t next = 0;
  const std::int64_t duration_ms = type.duration_minutes * kMinuteMs;
  for (const std::int64_t start : starts) {
    const Busy blocked = BlockedTime(type, Instant{start});
    while (next < busy.size() && busy[next].until <= blocked.from) ++next;
    if (next < busy.size() && busy[next].from < blocked.until) continue;
    slots.push_back({Instant{start}, Instant{start + duration_ms}});
  }
  return slots;
}

}  // namespace securebase::domain
