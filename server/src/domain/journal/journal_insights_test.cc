#include "domain/journal/journal_insights.h"

#include <gtest/gtest.h>

#include <chrono>
#include <utility>

#include "domain/course/sign_ids.h"

namespace securebase::domain {
namespace {

// An instant from a UTC date and time.
Instant Utc(int y, unsigned mo, unsigned d, int h = 0, int mi = 0, int s = 0) {
  using namespace std::chrono;
  const sys_days date = year_month_day(year(y), month(mo), day(d));
  const auto t = date + hours(h) + minutes(mi) + seconds(s);
  return Instant{duration_cast<milliseconds>(t.time_since_epoch()).count()};
}

JournalEntry Entry(Instant at, JournalBody body) {
  static int n = 0;
  JournalEntry e;
  e.id = "00000000-0000-4000-8000-" + std::to_string(100000000000 + ++n);
  e.user_id = "u1";
  e.occurred_at = at;
  e.created_at = at;
  e.updated_at = at;
  e.contents.body = std::move(body);
  return e;
}

TriggerLog Log(std::optional<NervousState> state = std::nullopt,
               std::vector<std::string> signs = {}) {
  TriggerLog t;
  t.situation = "A quiet evening.";
  t.state = state;
  t.signs = std::move(signs);
  return t;
}

TriggerLog Helped(std::vector<std::string> helped, std::optional<int> before,
                  std::optional<int> after) {
  TriggerLog t;
  t.helped = std::move(helped);
  t.intensity_before = before;
  t.intensity_after = after;
  return t;
}

// Five plain trigger logs at noon UTC on 2 November 2026: enough to be ready.
std::vector<JournalEntry> FivePlainLogs() {
  std::vector<JournalEntry> out;
  for (int i = 0; i < 5; ++i) out.push_back(Entry(Utc(2026, 11, 2, 12), Log()));
  return out;
}

JournalInsights Summarize(const std::vector<JournalEntry>& entries, std::string_view zone,
                          Instant now, int weeks = 12, int unreadable = 0) {
  auto insights = SummarizeTriggerLogs(entries, unreadable, zone, now, weeks);
  EXPECT_TRUE(insights) << insights.error().message;
  return insights ? *insights : JournalInsights{};
}

std::vector<std::pair<std::string, int>> Pairs(const std::vector<IdCount>& counts) {
  std::vector<std::pair<std::string, int>> out;
  for (const auto& c : counts) out.emplace_back(c.id, c.count);
  return out;
}

std::vector<int> WeekCounts(const JournalInsights& s) {
  std::vector<int> out;
  for (const auto& w : s.weeks) out.push_back(w.count);
  return out;
}

std::vector<std::string> WeekStarts(const JournalInsights& s) {
  std::vector<std::string> out;
  for (const auto& w : s.weeks) out.push_back(w.week_start);
  return out;
}

int SignIn(const InsightWeek& week, std::string_view sign) {
  for (const auto& c : week.signs) {
    if (c.id == sign) return c.count;
  }
  ADD_FAILURE() << "no count for " << sign;
  return -1;
}

const Instant kNow = Utc(2026, 11, 4, 12);  // Wednesday 4 November 2026

TEST(JournalInsights, BelowTheMinimumOnlyTheCountIsGiven) {
  std::vector<JournalEntry> entries;
  for (int i = 0; i < 4; ++i) {
    entries.push_back(Entry(Utc(2026, 11, 2, 8), Log(NervousState::kActivated, {"clinging"})));
  }
  // Reflections and parts notes are not trigger logs, however many.
  for (int i = 0; i < 3; ++i) {
    entries.push_back(Entry(Utc(2026, 11, 2, 8), Reflection{"Thinking.", "", ""}));
    entries.push_back(Entry(Utc(2026, 11, 2, 8), PartsNote{"The watcher", "", "", ""}));
  }
  const auto s = Summarize(entries, "UTC", kNow, 12, 2);
  EXPECT_EQ(s.trigger_count, 4);
  EXPECT_EQ(s.minimum, 5);
  EXPECT_FALSE(s.ready);
  EXPECT_EQ(s.unreadable, 2);
  EXPECT_TRUE(s.weeks.empty());
  EXPECT_TRUE(s.signs.empty());
  EXPECT_TRUE(s.states.empty());
  EXPECT_TRUE(s.urges.empty());
  EXPECT_TRUE(s.helped.empty());
  // The four parts of the day are there, counting nothing yet.
  ASSERT_EQ(s.time_of_day.size(), 4u);
  EXPECT_EQ(s.time_of_day[0].part, DayPart::kNight);
  EXPECT_EQ(s.time_of_day[3].part, DayPart::kEvening);
  for (const auto& p : s.time_of_day) EXPECT_EQ(p.count, 0);

  entries.push_back(Entry(Utc(2026, 11, 3, 8), Log()));
  const auto ready = Summarize(entries, "UTC", kNow);
  EXPECT_EQ(ready.trigger_count, 5);
  EXPECT_TRUE(ready.ready);
  EXPECT_EQ(ready.unreadable, 0);
  EXPECT_EQ(ready.weeks.size(), 12u);
  ASSERT_EQ(ready.time_of_day.size(), 4u);
  EXPECT_EQ(ready.time_of_day[1].part, DayPart::kMorning);
  EXPECT_EQ(ready.time_of_day[1].count, 5);
}

TEST(JournalInsights, WeeksAreLocalMondayWeeksOldestFirstWithEmptyOnes) {
  const auto s = Summarize(FivePlainLogs(), "Europe/London", kNow);
  ASSERT_EQ(s.weeks.size(), 12u);
  EXPECT_EQ(s.weeks.front().week_start, "2026-08-17");
  EXPECT_EQ(s.weeks.back().week_start, "2026-11-02");
  EXPECT_EQ(s.weeks.back().count, 5);
  EXPECT_EQ(s.weeks.back().states.unknown, 5);
  for (std::size_t i = 0; i + 1 < s.weeks.size(); ++i) {
    EXPECT_EQ(s.weeks[i].count, 0);
    // Every sign is present in every week, so that a chart needs no gaps.
    ASSERT_EQ(s.weeks[i].signs.size(), kSignIds.size());
    for (std::size_t k = 0; k < kSignIds.size(); ++k) {
      EXPECT_EQ(s.weeks[i].signs[k].id, kSignIds[k]);
      EXPECT_EQ(s.weeks[i].signs[k].count, 0);
    }
  }
  EXPECT_EQ(WeekStarts(Summarize(FivePlainLogs(), "UTC", kNow, 1)),
            (std::vector<std::string>{"2026-11-02"}));
  EXPECT_EQ(Summarize(FivePlainLogs(), "UTC", kNow, 52).weeks.size(), 52u);
}

TEST(JournalInsights, LogsFallInTheWeekOfTheirLocalTimeAcrossTheAutumnChange) {
  // London leaves summer time at 01:00 UTC on Sunday 25 October 2026.
  const std::vector<JournalEntry> entries = {
      // Sunday 18 October 23:30 UTC is 00:30 on Monday 19th in summer time.
      Entry(Utc(2026, 10, 18, 23, 30), Log(NervousState::kActivated, {"rumination"})),
      // Sunday 25 October 23:30 UTC is 23:30 GMT, still Sunday: week of the 19th.
      Entry(Utc(2026, 10, 25, 23, 30), Log(NervousState::kShutDown, {"rumination", "clinging"})),
      // Sunday 25 October 00:30 UTC is 01:30 BST, an hour before the change.
      Entry(Utc(2026, 10, 25, 0, 30), Log(std::nullopt, {"clinging"})),
      // Monday 26 October 00:30 GMT.
      Entry(Utc(2026, 10, 26, 0, 30), Log(NervousState::kSettled)),
      // The last second of Sunday 1 November.
      Entry(Utc(2026, 11, 1, 23, 59, 59), Log(NervousState::kActivated)),
      // And the first of Monday the 2nd.
      Entry(Utc(2026, 11, 2), Log(NervousState::kActivated, {"fear_of_abandonment"})),
  };
  const auto s = Summarize(entries, "Europe/London", kNow, 3);
  EXPECT_EQ(WeekStarts(s), (std::vector<std::string>{"2026-10-19", "2026-10-26", "2026-11-02"}));
  EXPECT_EQ(WeekCounts(s), (std::vector<int>{3, 2, 1}));
  const StateTally& first = s.weeks[0].states;
  EXPECT_EQ(first.activated, 1);
  EXPECT_EQ(first.shut_down, 1);
  EXPECT_EQ(first.unknown, 1);
  EXPECT_EQ(first.settled, 0);
  EXPECT_EQ(SignIn(s.weeks[0], "rumination"), 2);
  EXPECT_EQ(SignIn(s.weeks[0], "clinging"), 2);
  EXPECT_EQ(SignIn(s.weeks[0], "fear_of_abandonment"), 0);
  EXPECT_EQ(s.weeks[1].states.settled, 1);
  EXPECT_EQ(s.weeks[1].states.activated, 1);
  EXPECT_EQ(SignIn(s.weeks[2], "fear_of_abandonment"), 1);

  // In UTC the first log is Sunday the 18th, before the window.
  EXPECT_EQ(WeekCounts(Summarize(entries, "UTC", kNow, 3)), (std::vector<int>{2, 2, 1}));
  // In New York (UTC−4, then −5 from 1 November) all but the first are
  // Saturday or Sunday evenings: 26 October 00:30 UTC is still the 25th
  // there, and 2 November 00:00 UTC still 1 November.
  EXPECT_EQ(WeekCounts(Summarize(entries, "America/New_York", kNow, 3)),
            (std::vector<int>{3, 2, 0}));
}

TEST(JournalInsights, LogsBeforeTheWindowOrAheadOfItCountEverywhereButTheWeeks) {
  std::vector<JournalEntry> entries = FivePlainLogs();
  entries.push_back(Entry(Utc(2025, 1, 6, 8), Log(NervousState::kSettled, {"clinging"})));
  // A device clock a little fast, in next week (00:02 on Monday 9 November).
  entries.push_back(Entry(Utc(2026, 11, 9, 0, 2), Log(NervousState::kSettled, {"clinging"})));
  const auto s = Summarize(entries, "UTC", Utc(2026, 11, 8, 23, 59), 2);
  EXPECT_EQ(s.trigger_count, 7);
  EXPECT_EQ(WeekCounts(s), (std::vector<int>{0, 5}));
  EXPECT_EQ(Pairs(s.signs), (std::vector<std::pair<std::string, int>>{{"clinging", 2}}));
}

TEST(JournalInsights, SignsUrgesAndStatesAreMostFirstWithTiesById) {
  auto with = [](std::vector<std::string> signs, std::vector<std::string> urges,
                 std::optional<NervousState> state) {
    TriggerLog t = Log(state, std::move(signs));
    t.urges = std::move(urges);
    return t;
  };
  const Instant t = Utc(2026, 11, 3, 20);
  const std::vector<JournalEntry> entries = {
      Entry(t, with({"rumination", "clinging"}, {"withdraw"}, NervousState::kActivated)),
      Entry(t, with({"rumination", "fear_of_abandonment"}, {"check_phone", "withdraw"},
                    NervousState::kActivated)),
      Entry(t, with({"rumination"}, {"check_phone"}, NervousState::kShutDown)),
      Entry(t, with({"need_for_reassurance"}, {"seek_reassurance"}, std::nullopt)),
      Entry(t, with({}, {}, NervousState::kSettled)),
      Entry(t, with({"clinging"}, {"check_phone"}, NervousState::kActivated)),
  };
  const auto s = Summarize(entries, "UTC", kNow);
  EXPECT_EQ(Pairs(s.signs),
            (std::vector<std::pair<std::string, int>>{{"rumination", 3},
                                                      {"clinging", 2},
                                                      {"fear_of_abandonment", 1},
                                                      {"need_for_reassurance", 1}}));
  EXPECT_EQ(Pairs(s.urges), (std::vector<std::pair<std::string, int>>{
                                {"check_phone", 3}, {"withdraw", 2}, {"seek_reassurance", 1}}));
  ASSERT_EQ(s.states.size(), 4u);
  EXPECT_EQ(s.states[0].state, NervousState::kActivated);
  EXPECT_EQ(s.states[0].count, 3);
  // Three ties at one, by id: settled, shut_down, unknown.
  EXPECT_EQ(s.states[1].state, NervousState::kSettled);
  EXPECT_EQ(s.states[2].state, NervousState::kShutDown);
  EXPECT_EQ(s.states[3].state, std::nullopt);
  EXPECT_EQ(s.states[3].count, 1);

  // A state nobody chose is still listed, with 0, after the others.
  std::vector<JournalEntry> activated_only;
  for (int i = 0; i < 5; ++i) activated_only.push_back(Entry(t, Log(NervousState::kActivated)));
  const auto a = Summarize(activated_only, "UTC", kNow);
  ASSERT_EQ(a.states.size(), 4u);
  EXPECT_EQ(a.states[0].count, 5);
  EXPECT_EQ(a.states[1].state, NervousState::kSettled);
  EXPECT_EQ(a.states[1].count, 0);
  EXPECT_EQ(a.states[3].state, std::nullopt);
}

TEST(JournalInsights, HelpedShowsAMeanDropFromTwoRatedLogsAndIsOrderedByIt) {
  const Instant t = Utc(2026, 11, 3, 20);
  const std::vector<JournalEntry> entries = {
      // paced_breathing: drops 4 and 3, and one log without an "after".
      Entry(t, Helped({"paced_breathing", "writing"}, 8, 4)),
      Entry(t, Helped({"paced_breathing"}, 6, 3)),
      Entry(t, Helped({"paced_breathing"}, 7, std::nullopt)),
      // writing: drops 4, 1 and 0: a mean of 1.666… shown as 1.7.
      Entry(t, Helped({"writing", "grounding"}, 5, 4)),
      Entry(t, Helped({"writing"}, 3, 3)),
      // grounding: one rated log is not enough to say anything.
      Entry(t, Helped({"grounding", "rest"}, std::nullopt, 2)),
      // rest: rated twice, and it went up once: (2 + −3) / 2 = −0.5.
      Entry(t, Helped({"rest"}, 5, 3)),
      Entry(t, Helped({"rest", "movement"}, 4, 7)),
      // movement and other: the same count without a mean, ties by id.
      Entry(t, Helped({"other"}, std::nullopt, std::nullopt)),
      // self_compassion: rated twice with the same mean as paced_breathing
      // (3.5) but fewer logs.
      Entry(t, Helped({"self_compassion"}, 9, 5)),
      Entry(t, Helped({"self_compassion"}, 6, 3)),
  };
  const auto s = Summarize(entries, "UTC", kNow);
  struct Want {
    std::string id;
    int count;
    int rated;
    std::optional<double> mean;
  };
  const std::vector<Want> want = {
      {"paced_breathing", 3, 2, 3.5},
      {"self_compassion", 2, 2, 3.5},
      {"writing", 3, 3, 1.7},
      {"rest", 3, 2, -0.5},
      {"grounding", 2, 1, std::nullopt},
      {"movement", 1, 1, std::nullopt},
      {"other", 1, 0, std::nullopt},
  };
  ASSERT_EQ(s.helped.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    SCOPED_TRACE(want[i].id);
    EXPECT_EQ(s.helped[i].helped, want[i].id);
    EXPECT_EQ(s.helped[i].count, want[i].count);
    EXPECT_EQ(s.helped[i].rated, want[i].rated);
    EXPECT_EQ(s.helped[i].mean_drop, want[i].mean);
  }
}

TEST(JournalInsights, TimeOfDayIsTheLocalHourInTheZone) {
  const std::vector<JournalEntry> entries = {
      Entry(Utc(2026, 7, 1, 4, 59, 59), Log()),  // 05:59:59 BST: night
      Entry(Utc(2026, 7, 1, 5), Log()),          // 06:00 BST: morning
      Entry(Utc(2026, 7, 1, 10, 59), Log()),     // 11:59: morning
      Entry(Utc(2026, 7, 1, 11), Log()),         // 12:00: afternoon
      Entry(Utc(2026, 7, 1, 16, 30), Log()),     // 17:30: afternoon
      Entry(Utc(2026, 7, 1, 17), Log()),         // 18:00: evening
      Entry(Utc(2026, 7, 1, 17, 30), Log()),     // 18:30: evening
      Entry(Utc(2026, 7, 1, 22, 59), Log()),     // 23:59: evening
      Entry(Utc(2026, 7, 1, 23), Log()),         // 00:00 on the 2nd: night
  };
  auto parts = [&](std::string_view zone) {
    std::vector<std::pair<std::string_view, int>> out;
    for (const auto& p : Summarize(entries, zone, Utc(2026, 7, 3), 1).time_of_day) {
      out.emplace_back(DayPartId(p.part), p.count);
    }
    return out;
  };
  using Parts = std::vector<std::pair<std::string_view, int>>;
  EXPECT_EQ(parts("Europe/London"),
            (Parts{{"night", 2}, {"morning", 2}, {"afternoon", 2}, {"evening", 3}}));
  // The same instants in UTC: 04:59, 05:00 night; 10:59, 11:00 morning;
  // 16:30, 17:00, 17:30 afternoon; 22:59, 23:00 evening.
  EXPECT_EQ(parts("UTC"), (Parts{{"night", 2}, {"morning", 2}, {"afternoon", 3}, {"evening", 2}}));
  // In Tokyo (UTC+9): 13:59, 14:00 afternoon; 19:59, 20:00 evening; 01:30,
  // 02:00, 02:30 night; 07:59, 08:00 morning.
  EXPECT_EQ(parts("Asia/Tokyo"),
            (Parts{{"night", 3}, {"morning", 2}, {"afternoon", 2}, {"evening", 2}}));
}

TEST(JournalInsights, AnUnknownZoneAndWeeksOutOfRangeAreNamed) {
  const auto both = SummarizeTriggerLogs({}, 0, "Mars/Olympus", kNow, 53);
  ASSERT_FALSE(both);
  EXPECT_EQ(both.error().code, ErrorCode::kInvalidArgument);
  ASSERT_EQ(both.error().fields.size(), 2u);
  EXPECT_EQ(both.error().fields[0].field, "tz");
  EXPECT_EQ(both.error().fields[1].field, "weeks");
  EXPECT_FALSE(SummarizeTriggerLogs({}, 0, "", kNow, 12));
  EXPECT_FALSE(SummarizeTriggerLogs({}, 0, "UTC", kNow, 0));
  EXPECT_TRUE(SummarizeTriggerLogs({}, 0, "UTC", kNow, 1));
  EXPECT_TRUE(SummarizeTriggerLogs({}, 0, "America/Argentina/Buenos_Aires", kNow, 52));
}

}  // namespace
}  // namespace securebase::domain
