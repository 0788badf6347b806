#include "domain/scheduling/schedule.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace securebase::domain {
namespace {

using date::days;
using date::local_days;
using date::year_month_day;

constexpr int kMonday = 0;
constexpr int kTuesday = 1;
constexpr int kSunday = 6;

LocalRange Hours(int start_hour, int end_hour) {
  return {start_hour * 60, end_hour * 60};
}

Schedule Valid() {
  Schedule s;
  s.time_zone = "Europe/London";
  s.weekly = {{kMonday, Hours(9, 12)}, {kMonday, Hours(13, 17)}, {kTuesday, Hours(9, 17)}};
  s.overrides = {{year_month_day{date::year{2026} / 12 / 24}, {}},
                 {year_month_day{date::year{2026} / 12 / 27}, {Hours(10, 12)}}};
  return s;
}

std::vector<std::string> Fields(const Schedule& s) {
  std::vector<std::string> out;
  for (const FieldError& e : CheckSchedule(s)) out.push_back(e.field);
  return out;
}

using Names = std::vector<std::string>;

TEST(CheckSchedule, AcceptsWeeklyHoursAndOverrides) {
  EXPECT_TRUE(CheckSchedule(Valid()).empty());
}

TEST(CheckSchedule, RangesOfOneDayMayTouch) {
  Schedule s = Valid();
  s.weekly = {{kMonday, Hours(12, 17)}, {kMonday, Hours(9, 12)}, {kMonday, {17 * 60, 1440}}};
  EXPECT_EQ(Fields(s), Names{});
}

TEST(CheckSchedule, RefusesAnUnknownOrMissingZoneWithoutEchoingIt) {
  Schedule s = Valid();
  s.time_zone = "Mars/Olympus_Mons";
  const auto errors = CheckSchedule(s);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "time_zone");
  EXPECT_EQ(errors[0].message.find("Mars"), std::string::npos);
  EXPECT_NE(errors[0].message.find("Europe/London"), std::string::npos);
  s.time_zone = "";
  EXPECT_EQ(Fields(s), Names{"time_zone"});
}

TEST(CheckSchedule, RefusesEmptyBackwardsAndOutOfDayRanges) {
  Schedule s = Valid();
  s.weekly = {{kMonday, {600, 600}},   // empty
              {kTuesday, {700, 600}},  // backwards
              {2, {-1, 600}},          // before midnight
              {3, {600, 1441}},        // after 24:00
              {4, {1440, 1440}},       // starts at 24:00
              {5, {1380, 1440}}};      // 23:00–24:00 is fine
  EXPECT_EQ(Fields(s), (Names{"weekly[0].end", "weekly[1].end", "weekly[2].start", "weekly[3].end",
                              "weekly[4].start"}));
  const auto errors = CheckSchedule(s);
  EXPECT_EQ(errors[1].message, "Choose an end time after the start time.");
}

TEST(CheckSchedule, RefusesOverlappingRangesOnOneWeekday) {
  Schedule s = Valid();
  s.weekly = {{kMonday, Hours(9, 12)},
              {kTuesday, Hours(11, 14)},  // another day: no overlap
              {kMonday, Hours(11, 14)}};
  EXPECT_EQ(Fields(s), Names{"weekly[2].start"});
  // Named is the range that starts inside another, whatever the order given.
  s.weekly = {{kMonday, Hours(11, 14)}, {kMonday, Hours(9, 12)}};
  EXPECT_EQ(Fields(s), Names{"weekly[0].start"});
  // One range inside another.
  s.weekly = {{kMonday, Hours(9, 17)}, {kMonday, Hours(10, 11)}};
  EXPECT_EQ(Fields(s), Names{"weekly[1].start"});
}

TEST(CheckSchedule, RefusesAWeekdayOutsideMondayToSunday) {
  Schedule s = Valid();
  s.weekly = {{7, Hours(9, 12)}, {-1, Hours(9, 12)}, {kSunday, Hours(9, 12)}};
  EXPECT_EQ(Fields(s), (Names{"weekly[0].weekday", "weekly[1].weekday"}));
}

TEST(CheckSchedule, RefusesMoreThanFiftyWeeklyRanges) {
  Schedule s = Valid();
  s.weekly.clear();
  for (int i = 0; i < 50; ++i) s.weekly.push_back({i % 7, {i * 20, i * 20 + 10}});
  EXPECT_EQ(Fields(s), Names{});
  s.weekly.push_back({kSunday, {1430, 1440}});
  EXPECT_EQ(Fields(s), Names{"weekly"});
}

TEST(CheckSchedule, RefusesTwoOverridesForOneDateAndDatesThatDoNotExist) {
  Schedule s = Valid();
  s.overrides.push_back({year_month_day{date::year{2026} / 12 / 24}, {Hours(9, 10)}});
  s.overrides.push_back({year_month_day{date::year{2026} / 2 / 30}, {}});
  EXPECT_EQ(Fields(s), (Names{"overrides[2].date", "overrides[3].date"}));
}

TEST(CheckSchedule, ChecksEachOverridesRanges) {
  Schedule s = Valid();
  s.overrides[1].ranges = {Hours(10, 12), Hours(11, 13), {900, 840}};
  EXPECT_EQ(Fields(s), (Names{"overrides[1].ranges[2].end", "overrides[1].ranges[1].start"}));
}

TEST(CheckSchedule, RefusesMoreThanFourHundredOverrides) {
  Schedule s = Valid();
  s.overrides.clear();
  const local_days first{date::year{2026} / 1 / 1};
  for (int i = 0; i < 400; ++i) s.overrides.push_back({year_month_day{first + days{i}}, {}});
  EXPECT_EQ(Fields(s), Names{});
  s.overrides.push_back({year_month_day{first + days{400}}, {}});
  EXPECT_EQ(Fields(s), Names{"overrides"});
}

TEST(RangesOn, WeeklyHoursOfTheWeekdaySorted) {
  Schedule s = Valid();
  s.weekly = {{kMonday, Hours(13, 17)}, {kTuesday, Hours(8, 9)}, {kMonday, Hours(9, 12)}};
  const local_days monday{date::year{2026} / 6 / 1};
  EXPECT_EQ(RangesOn(s, monday), (std::vector<LocalRange>{Hours(9, 12), Hours(13, 17)}));
  EXPECT_EQ(RangesOn(s, monday + days{1}), (std::vector<LocalRange>{Hours(8, 9)}));
  EXPECT_TRUE(RangesOn(s, monday + days{2}).empty());
}

TEST(RangesOn, AnOverrideReplacesTheDay) {
  Schedule s = Valid();
  const local_days monday{date::year{2026} / 6 / 1};
  const local_days sunday{date::year{2026} / 6 / 7};
  s.overrides = {{year_month_day{monday}, {}},
                 {year_month_day{monday + days{1}}, {Hours(15, 16), Hours(7, 8)}},
                 {year_month_day{sunday}, {Hours(10, 12)}}};
  EXPECT_TRUE(RangesOn(s, monday).empty());
  EXPECT_EQ(RangesOn(s, monday + days{1}), (std::vector<LocalRange>{Hours(7, 8), Hours(15, 16)}));
  EXPECT_EQ(RangesOn(s, sunday), (std::vector<LocalRange>{Hours(10, 12)}));
  // The next Monday has its weekly hours again.
  EXPECT_EQ(RangesOn(s, monday + days{7}), (std::vector<LocalRange>{Hours(9, 12), Hours(13, 17)}));
}

}  // namespace
}  // namespace securebase::domain
