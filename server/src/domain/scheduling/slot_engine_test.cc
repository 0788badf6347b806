#include "domain/scheduling/slot_engine.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "common/rfc3339.h"

namespace securebase::domain {
namespace {

using Starts = std::vector<std::string>;

constexpr int kMonday = 0;
constexpr int kWednesday = 2;
constexpr int kFriday = 4;
constexpr int kSaturday = 5;
constexpr int kSunday = 6;

Instant At(std::string_view utc) {
  const auto t = ParseRfc3339(utc);
  EXPECT_TRUE(t.has_value()) << utc;
  return t.value_or(Instant{});
}

// "09:30" → 570; "24:00" → 1440.
int Minute(std::string_view hh_mm) {
  return ((hh_mm[0] - '0') * 10 + (hh_mm[1] - '0')) * 60 + (hh_mm[3] - '0') * 10 + (hh_mm[4] - '0');
}

LocalRange Hours(std::string_view start, std::string_view end) {
  return {Minute(start), Minute(end)};
}

WeeklyRange On(int weekday, std::string_view start, std::string_view end) {
  return {weekday, Hours(start, end)};
}

DateOverride OnDate(int y, unsigned m, unsigned d, std::vector<LocalRange> ranges) {
  return {date::year{y} / date::month{m} / date::day{d}, std::move(ranges)};
}

Schedule In(std::string zone, std::vector<WeeklyRange> weekly,
            std::vector<DateOverride> overrides = {}) {
  return {std::move(zone), std::move(weekly), std::move(overrides)};
}

SessionType Type(int duration, int step) {
  SessionType t;
  t.name = "Session";
  t.duration_minutes = duration;
  t.slot_step_minutes = step;
  t.minimum_notice_minutes = 0;
  t.horizon_days = 365;
  return t;
}

SlotQuery Window(std::string_view from, std::string_view to,
                 std::string_view now = "2026-01-01T00:00:00Z") {
  return {At(from), At(to), At(now), {}};
}

Starts StartsOf(const std::vector<Slot>& slots) {
  Starts out;
  for (const Slot& s : slots) out.push_back(Rfc3339(s.start));
  return out;
}

Starts Free(const Schedule& schedule, const SessionType& type, const SlotQuery& query) {
  return StartsOf(FreeSlots(schedule, type, query));
}

// Monday 1 June 2026 in London is British Summer Time (UTC+1).
const char* const kJune1 = "2026-06-01T00:00:00Z";
const char* const kJune2 = "2026-06-02T00:00:00Z";

TEST(FreeSlots, APlainDayStepsFromTheStartUntilTheSessionNoLongerFits) {
  const auto slots = FreeSlots(In("Europe/London", {On(kMonday, "09:00", "12:00")}), Type(50, 30),
                               Window(kJune1, kJune2));
  EXPECT_EQ(StartsOf(slots),
            (Starts{"2026-06-01T08:00:00Z", "2026-06-01T08:30:00Z", "2026-06-01T09:00:00Z",
                    "2026-06-01T09:30:00Z", "2026-06-01T10:00:00Z"}));
  EXPECT_EQ(Rfc3339(slots[0].end), "2026-06-01T08:50:00Z");
}

TEST(FreeSlots, OnlyTheWeekdaysWithHours) {
  EXPECT_EQ(
      Free(In("Europe/London", {On(kWednesday, "09:00", "10:00"), On(kMonday, "09:00", "10:00")}),
           Type(60, 60), Window("2026-05-31T00:00:00Z", "2026-06-08T00:00:00Z")),
      (Starts{"2026-06-01T08:00:00Z", "2026-06-03T08:00:00Z"}));
}

TEST(FreeSlots, SeveralRangesInADay) {
  EXPECT_EQ(
      Free(In("Europe/London", {On(kMonday, "14:00", "16:00"), On(kMonday, "09:00", "11:00")}),
           Type(60, 60), Window(kJune1, kJune2)),
      (Starts{"2026-06-01T08:00:00Z", "2026-06-01T09:00:00Z", "2026-06-01T13:00:00Z",
              "2026-06-01T14:00:00Z"}));
}

TEST(FreeSlots, RangesThatTouchAreOneBlock) {
  // 90 minutes fit in neither hour alone, but do across them.
  EXPECT_EQ(
      Free(In("Europe/London", {On(kMonday, "10:00", "11:00"), On(kMonday, "09:00", "10:00")}),
           Type(90, 30), Window(kJune1, kJune2)),
      (Starts{"2026-06-01T08:00:00Z", "2026-06-01T08:30:00Z"}));
  // The step counts from the block's start: 10:15 is no start.
  EXPECT_EQ(
      Free(In("Europe/London", {On(kMonday, "09:00", "10:15"), On(kMonday, "10:15", "11:00")}),
           Type(30, 30), Window(kJune1, kJune2)),
      (Starts{"2026-06-01T08:00:00Z", "2026-06-01T08:30:00Z", "2026-06-01T09:00:00Z",
              "2026-06-01T09:30:00Z"}));
}

TEST(FreeSlots, TheStepStartsAgainAtEachBlock) {
  EXPECT_EQ(
      Free(In("Europe/London", {On(kMonday, "09:00", "10:00"), On(kMonday, "10:20", "12:00")}),
           Type(30, 30), Window(kJune1, kJune2)),
      (Starts{"2026-06-01T08:00:00Z", "2026-06-01T08:30:00Z", "2026-06-01T09:20:00Z",
              "2026-06-01T09:50:00Z", "2026-06-01T10:20:00Z"}));
}

TEST(FreeSlots, AStepLongerOrShorterThanTheSession) {
  const Schedule s = In("Europe/London", {On(kMonday, "09:00", "12:00")});
  EXPECT_EQ(Free(s, Type(45, 45), Window(kJune1, kJune2)),
            (Starts{"2026-06-01T08:00:00Z", "2026-06-01T08:45:00Z", "2026-06-01T09:30:00Z",
                    "2026-06-01T10:15:00Z"}));
  EXPECT_EQ(Free(s, Type(30, 80), Window(kJune1, kJune2)),
            (Starts{"2026-06-01T08:00:00Z", "2026-06-01T09:20:00Z"}));
  EXPECT_EQ(Free(s, Type(170, 5), Window(kJune1, kJune2)),
            (Starts{"2026-06-01T08:00:00Z", "2026-06-01T08:05:00Z", "2026-06-01T08:10:00Z"}));
}

TEST(FreeSlots, ADayOffOverridesTheWeeklyHours) {
  const Schedule s = In("Europe/London", {On(kMonday, "09:00", "10:00")}, {OnDate(2026, 6, 1, {})});
  EXPECT_EQ(Free(s, Type(60, 60), Window(kJune1, "2026-06-09T00:00:00Z")),
            Starts{"2026-06-08T08:00:00Z"});
}

TEST(FreeSlots, AnOverrideGivesExtraHoursOnASunday) {
  const Schedule s = In("Europe/London", {On(kMonday, "09:00", "17:00")},
                        {OnDate(2026, 6, 7, {Hours("10:00", "12:00")})});
  EXPECT_EQ(Free(s, Type(60, 60), Window("2026-06-06T00:00:00Z", "2026-06-08T00:00:00Z")),
            (Starts{"2026-06-07T09:00:00Z", "2026-06-07T10:00:00Z"}));
}

TEST(FreeSlots, AnOverrideReplacesTheDaysHours) {
  const Schedule s = In("Europe/London", {On(kMonday, "09:00", "17:00")},
                        {OnDate(2026, 6, 1, {Hours("13:00", "14:00")})});
  EXPECT_EQ(Free(s, Type(60, 30), Window(kJune1, kJune2)), Starts{"2026-06-01T12:00:00Z"});
}

TEST(BlockedTime, IsTheSessionWidenedByItsBuffers) {
  SessionType t = Type(50, 30);
  t.buffer_before_minutes = 15;
  t.buffer_after_minutes = 10;
  const Busy b = BlockedTime(t, At("2026-06-01T10:00:00Z"));
  EXPECT_EQ(Rfc3339(b.from), "2026-06-01T09:45:00Z");
  EXPECT_EQ(Rfc3339(b.until), "2026-06-01T11:00:00Z");
}

TEST(FreeSlots, BuffersOnBothSidesKeepClearOfBookedTime) {
  SessionType t = Type(50, 30);
  t.buffer_before_minutes = 15;
  t.buffer_after_minutes = 10;
  SlotQuery q = Window("2026-06-01T08:00:00Z", "2026-06-01T13:00:00Z");
  // A booked 50-minute session at 10:00Z with 10 minutes after it.
  SessionType booked = Type(50, 30);
  booked.buffer_after_minutes = 10;
  q.busy = {BlockedTime(booked, At("2026-06-01T10:00:00Z"))};
  // A candidate's blocked time [start − 15, start + 60) must not overlap
  // [10:00, 11:00): 09:00 ends exactly at 10:00 and 11:30's begins at 11:15.
  EXPECT_EQ(Free(In("Europe/London", {On(kMonday, "09:00", "17:00")}), t, q),
            (Starts{"2026-06-01T08:00:00Z", "2026-06-01T08:30:00Z", "2026-06-01T09:00:00Z",
                    "2026-06-01T11:30:00Z", "2026-06-01T12:00:00Z", "2026-06-01T12:30:00Z"}));
}

TEST(FreeSlots, BookedTimeInAnyOrderOverlappingOrEmpty) {
  SlotQuery q = Window(kJune1, kJune2);
  q.busy = {{At("2026-06-01T11:00:00Z"), At("2026-06-01T11:10:00Z")},
            {At("2026-06-01T08:00:00Z"), At("2026-06-01T08:40:00Z")},
            {At("2026-06-01T08:10:00Z"), At("2026-06-01T08:20:00Z")},
            {At("2026-06-01T09:40:00Z"), At("2026-06-01T09:40:00Z")},   // empty
            {At("2026-06-01T10:20:00Z"), At("2026-06-01T09:50:00Z")}};  // backwards
  EXPECT_EQ(Free(In("Europe/London", {On(kMonday, "09:00", "13:00")}), Type(30, 30), q),
            (Starts{"2026-06-01T09:00:00Z", "2026-06-01T09:30:00Z", "2026-06-01T10:00:00Z",
                    "2026-06-01T10:30:00Z", "2026-06-01T11:30:00Z"}));
}

TEST(FreeSlots, MinimumNoticeCountsFromNow) {
  SessionType t = Type(30, 30);
  t.minimum_notice_minutes = 60;
  const Schedule s = In("Europe/London", {On(kMonday, "09:00", "12:00")});
  EXPECT_EQ(Free(s, t, Window(kJune1, kJune2, "2026-06-01T08:10:00Z")),
            (Starts{"2026-06-01T09:30:00Z", "2026-06-01T10:00:00Z", "2026-06-01T10:30:00Z"}));
  // Exactly the notice is enough.
  EXPECT_EQ(Free(s, t, Window(kJune1, kJune2, "2026-06-01T08:00:00Z")),
            (Starts{"2026-06-01T09:00:00Z", "2026-06-01T09:30:00Z", "2026-06-01T10:00:00Z",
                    "2026-06-01T10:30:00Z"}));
}

TEST(FreeSlots, TheHorizonIncludesItsLastInstant) {
  SessionType t = Type(30, 30);
  t.horizon_days = 1;
  const Schedule s = In("Europe/London", {On(kMonday, "09:00", "12:00")});
  EXPECT_EQ(Free(s, t, Window(kJune1, kJune2, "2026-05-31T08:00:00Z")),
            Starts{"2026-06-01T08:00:00Z"});
  SlotQuery q = Window(kJune1, kJune2, "2026-05-31T08:00:00Z");
  q.now.millis -= 1;
  EXPECT_EQ(Free(s, t, q), Starts{});
}

TEST(FreeSlots, TheWindowIsHalfOpen) {
  EXPECT_EQ(Free(In("Europe/London", {On(kMonday, "09:00", "12:00")}), Type(30, 30),
                 Window("2026-06-01T08:30:00Z", "2026-06-01T09:30:00Z")),
            (Starts{"2026-06-01T08:30:00Z", "2026-06-01T09:00:00Z"}));
}

TEST(FreeSlots, NothingWithoutAZoneOrAWindow) {
  const std::vector<WeeklyRange> weekly = {On(kMonday, "09:00", "12:00")};
  EXPECT_EQ(Free(In("", weekly), Type(30, 30), Window(kJune1, kJune2)), Starts{});
  EXPECT_EQ(Free(In("Mars/Olympus_Mons", weekly), Type(30, 30), Window(kJune1, kJune2)), Starts{});
  EXPECT_EQ(Free(In("Europe/London", weekly), Type(30, 30), Window(kJune2, kJune1)), Starts{});
  EXPECT_EQ(Free(In("Europe/London", weekly), Type(0, 30), Window(kJune1, kJune2)), Starts{});
  EXPECT_EQ(Free(In("Europe/London", weekly), Type(30, 0), Window(kJune1, kJune2)), Starts{});
}

// --- Daylight-saving changes ---------------------------------------------

TEST(FreeSlotsDst, TheSameWallClockOnBothSidesOfAChange) {
  // Europe/London goes from GMT to BST on Sunday 29 March 2026.
  EXPECT_EQ(
      Free(In("Europe/London", {On(kFriday, "09:00", "10:00"), On(kMonday, "09:00", "10:00")}),
           Type(60, 60), Window("2026-03-27T00:00:00Z", "2026-03-31T00:00:00Z")),
      (Starts{"2026-03-27T09:00:00Z", "2026-03-30T08:00:00Z"}));
}

TEST(FreeSlotsDst, LondonSpringGapHasNoCandidates) {
  // 29 March 2026: 01:00 GMT becomes 02:00 BST; 01:00–01:59 never happen.
  const SlotQuery q = Window("2026-03-28T12:00:00Z", "2026-03-29T12:00:00Z");
  const Schedule s = In("Europe/London", {On(kSunday, "00:00", "04:00")});
  EXPECT_EQ(Free(s, Type(30, 30), q),
            (Starts{"2026-03-29T00:00:00Z", "2026-03-29T00:30:00Z", "2026-03-29T01:00:00Z",
                    "2026-03-29T01:30:00Z", "2026-03-29T02:00:00Z", "2026-03-29T02:30:00Z"}));
  // Sessions last real minutes: 00:30 GMT + 90 minutes is 03:00 BST.
  const auto long_slots = FreeSlots(s, Type(90, 30), q);
  EXPECT_EQ(StartsOf(long_slots), (Starts{"2026-03-29T00:00:00Z", "2026-03-29T00:30:00Z",
                                          "2026-03-29T01:00:00Z", "2026-03-29T01:30:00Z"}));
  EXPECT_EQ(Rfc3339(long_slots[1].end), "2026-03-29T02:00:00Z");
}

TEST(FreeSlotsDst, StepsStayOnHerGridThroughTheGap) {
  // 00:00 + 45 minutes at a time: 01:30 is never shown, 02:15 BST is next.
  EXPECT_EQ(Free(In("Europe/London", {On(kSunday, "00:00", "04:30")}), Type(30, 45),
                 Window("2026-03-28T12:00:00Z", "2026-03-29T12:00:00Z")),
            (Starts{"2026-03-29T00:00:00Z", "2026-03-29T00:45:00Z", "2026-03-29T01:15:00Z",
                    "2026-03-29T02:00:00Z", "2026-03-29T02:45:00Z"}));
}

TEST(FreeSlotsDst, LondonABlockEndingInTheGapEndsWhenTheGapEnds) {
  const SlotQuery q = Window("2026-03-28T12:00:00Z", "2026-03-29T12:00:00Z");
  const Schedule s = In("Europe/London", {On(kSunday, "00:00", "01:30")});
  EXPECT_EQ(Free(s, Type(30, 30), q), (Starts{"2026-03-29T00:00:00Z", "2026-03-29T00:30:00Z"}));
  EXPECT_EQ(Free(s, Type(60, 30), q), Starts{"2026-03-29T00:00:00Z"});
  // A block starting in the gap starts when the gap ends (02:00 BST).
  EXPECT_EQ(Free(In("Europe/London", {On(kSunday, "01:30", "03:00")}), Type(30, 30), q),
            (Starts{"2026-03-29T01:00:00Z", "2026-03-29T01:30:00Z"}));
}

TEST(FreeSlotsDst, LondonAutumnOverlapGivesBothInstants) {
  // 25 October 2026: 02:00 BST becomes 01:00 GMT; 01:00–01:59 happen twice.
  const SlotQuery q = Window("2026-10-24T12:00:00Z", "2026-10-25T12:00:00Z");
  EXPECT_EQ(Free(In("Europe/London", {On(kSunday, "00:00", "03:00")}), Type(30, 30), q),
            (Starts{"2026-10-24T23:00:00Z", "2026-10-24T23:30:00Z", "2026-10-25T00:00:00Z",
                    "2026-10-25T00:30:00Z", "2026-10-25T01:00:00Z", "2026-10-25T01:30:00Z",
                    "2026-10-25T02:00:00Z", "2026-10-25T02:30:00Z"}));
}

TEST(FreeSlotsDst, LondonBlocksBeginningOrEndingInTheRepeatedHour) {
  const SlotQuery q = Window("2026-10-24T12:00:00Z", "2026-10-25T12:00:00Z");
  // Ends at 01:30, the second time (GMT). 01:30 itself is no candidate.
  EXPECT_EQ(Free(In("Europe/London", {On(kSunday, "00:00", "01:30")}), Type(30, 30), q),
            (Starts{"2026-10-24T23:00:00Z", "2026-10-24T23:30:00Z", "2026-10-25T00:00:00Z",
                    "2026-10-25T01:00:00Z"}));
  // Starts at 01:30, the first time (BST).
  const Schedule late = In("Europe/London", {On(kSunday, "01:30", "03:00")});
  EXPECT_EQ(Free(late, Type(30, 30), q), (Starts{"2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z",
                                                 "2026-10-25T02:00:00Z", "2026-10-25T02:30:00Z"}));
  EXPECT_EQ(Free(late, Type(60, 30), q),
            (Starts{"2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z", "2026-10-25T02:00:00Z"}));
  // Ends at 01:00, where the repeated hour begins: the block is over when
  // the clock first shows 01:00 (after it, every time shown is 01:00 or later).
  EXPECT_EQ(Free(In("Europe/London", {On(kSunday, "00:00", "01:00")}), Type(30, 30), q),
            (Starts{"2026-10-24T23:00:00Z", "2026-10-24T23:30:00Z"}));
}

TEST(FreeSlotsDst, NewYorkSpringGap) {
  // 8 March 2026: 02:00 EST becomes 03:00 EDT.
  EXPECT_EQ(Free(In("America/New_York", {On(kSunday, "01:00", "04:00")}), Type(30, 30),
                 Window("2026-03-08T00:00:00Z", "2026-03-09T00:00:00Z")),
            (Starts{"2026-03-08T06:00:00Z", "2026-03-08T06:30:00Z", "2026-03-08T07:00:00Z",
                    "2026-03-08T07:30:00Z"}));
}

TEST(FreeSlotsDst, NewYorkAutumnOverlap) {
  // 1 November 2026: 02:00 EDT becomes 01:00 EST. Three hours on the clock
  // are four real hours.
  EXPECT_EQ(Free(In("America/New_York", {On(kSunday, "00:00", "03:00")}), Type(60, 60),
                 Window("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z")),
            (Starts{"2026-11-01T04:00:00Z", "2026-11-01T05:00:00Z", "2026-11-01T06:00:00Z",
                    "2026-11-01T07:00:00Z"}));
}

TEST(FreeSlotsDst, LordHoweHalfHourBack) {
  // 5 April 2026: 02:00 (+11) becomes 01:30 (+10:30); 01:30–01:59 twice.
  EXPECT_EQ(Free(In("Australia/Lord_Howe", {On(kSunday, "01:00", "03:00")}), Type(30, 30),
                 Window("2026-04-04T00:00:00Z", "2026-04-05T00:00:00Z")),
            (Starts{"2026-04-04T14:00:00Z", "2026-04-04T14:30:00Z", "2026-04-04T15:00:00Z",
                    "2026-04-04T15:30:00Z", "2026-04-04T16:00:00Z"}));
}

TEST(FreeSlotsDst, LordHoweHalfHourForward) {
  // 4 October 2026: 02:00 (+10:30) becomes 02:30 (+11); 02:00–02:29 never happen.
  const Schedule s = In("Australia/Lord_Howe", {On(kSunday, "01:00", "04:00")});
  const SlotQuery q = Window("2026-10-03T00:00:00Z", "2026-10-04T00:00:00Z");
  EXPECT_EQ(Free(s, Type(30, 30), q),
            (Starts{"2026-10-03T14:30:00Z", "2026-10-03T15:00:00Z", "2026-10-03T15:30:00Z",
                    "2026-10-03T16:00:00Z", "2026-10-03T16:30:00Z"}));
  // With a 15-minute step, 02:00 and 02:15 are skipped: 01:45 and 02:30 are
  // 15 real minutes apart.
  EXPECT_EQ(Free(s, Type(30, 15), q),
            (Starts{"2026-10-03T14:30:00Z", "2026-10-03T14:45:00Z", "2026-10-03T15:00:00Z",
                    "2026-10-03T15:15:00Z", "2026-10-03T15:30:00Z", "2026-10-03T15:45:00Z",
                    "2026-10-03T16:00:00Z", "2026-10-03T16:15:00Z", "2026-10-03T16:30:00Z"}));
}

TEST(FreeSlotsDst, HavanaGapAtMidnight) {
  // 8 March 2026: midnight (CST) becomes 01:00 (CDT); the day begins at 01:00.
  EXPECT_EQ(
      Free(In("America/Havana", {On(kSaturday, "22:00", "24:00"), On(kSunday, "00:00", "02:00")}),
           Type(30, 30), Window("2026-03-07T12:00:00Z", "2026-03-08T12:00:00Z")),
      (Starts{"2026-03-08T03:00:00Z", "2026-03-08T03:30:00Z", "2026-03-08T04:00:00Z",
              "2026-03-08T04:30:00Z", "2026-03-08T05:00:00Z", "2026-03-08T05:30:00Z"}));
}

TEST(FreeSlotsDst, HavanaOverlapAtMidnight) {
  // 1 November 2026: 01:00 (CDT) becomes midnight (CST); 00:00–00:59 twice.
  const SlotQuery q = Window("2026-10-31T12:00:00Z", "2026-11-01T12:00:00Z");
  EXPECT_EQ(
      Free(In("America/Havana", {On(kSaturday, "22:00", "24:00"), On(kSunday, "00:00", "02:00")}),
           Type(30, 30), q),
      (Starts{"2026-11-01T02:00:00Z", "2026-11-01T02:30:00Z", "2026-11-01T03:00:00Z",
              "2026-11-01T03:30:00Z", "2026-11-01T04:00:00Z", "2026-11-01T04:30:00Z",
              "2026-11-01T05:00:00Z", "2026-11-01T05:30:00Z", "2026-11-01T06:00:00Z",
              "2026-11-01T06:30:00Z"}));
  // Saturday's hours end the first time midnight comes: an hour from 23:30
  // would run into Sunday.
  EXPECT_EQ(Free(In("America/Havana", {On(kSaturday, "22:00", "24:00")}), Type(60, 30), q),
            (Starts{"2026-11-01T02:00:00Z", "2026-11-01T02:30:00Z", "2026-11-01T03:00:00Z"}));
}

TEST(FreeSlotsDst, KolkataHasNoChanges) {
  // +05:30 all year: the same instants before and after Europe's change.
  EXPECT_EQ(Free(In("Asia/Kolkata", {On(kMonday, "09:00", "10:00")}), Type(30, 30),
                 Window("2026-03-23T00:00:00Z", "2026-03-31T00:00:00Z")),
            (Starts{"2026-03-23T03:30:00Z", "2026-03-23T04:00:00Z", "2026-03-30T03:30:00Z",
                    "2026-03-30T04:00:00Z"}));
}

TEST(FreeSlotsDst, ChathamQuarterHourOffsets) {
  // +12:45 in the southern winter: Monday 1 June 09:00 is 20:15Z on Sunday.
  EXPECT_EQ(Free(In("Pacific/Chatham", {On(kMonday, "09:00", "10:00")}), Type(30, 30),
                 Window("2026-05-31T00:00:00Z", "2026-06-01T00:00:00Z")),
            (Starts{"2026-05-31T20:15:00Z", "2026-05-31T20:45:00Z"}));
  // 5 April 2026: 03:45 (+13:45) becomes 02:45 (+12:45); 03:00 and 03:30 twice.
  EXPECT_EQ(Free(In("Pacific/Chatham", {On(kSunday, "02:00", "04:00")}), Type(30, 30),
                 Window("2026-04-04T00:00:00Z", "2026-04-05T00:00:00Z")),
            (Starts{"2026-04-04T12:15:00Z", "2026-04-04T12:45:00Z", "2026-04-04T13:15:00Z",
                    "2026-04-04T13:45:00Z", "2026-04-04T14:15:00Z", "2026-04-04T14:45:00Z"}));
}

}  // namespace
}  // namespace securebase::domain
