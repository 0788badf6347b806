#include "domain/practice/practice_stats.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>

namespace securebase::domain {
namespace {

// An instant from a UTC date and time.
Instant Utc(int y, unsigned mo, unsigned d, int h = 0, int mi = 0, int s = 0) {
  using namespace std::chrono;
  const sys_days date = year_month_day(year(y), month(mo), day(d));
  const auto t = date + hours(h) + minutes(mi) + seconds(s);
  return Instant{duration_cast<milliseconds>(t.time_since_epoch()).count()};
}

PracticeSession Session(const std::string& practice, Instant start, int seconds,
                        std::optional<int> before = std::nullopt,
                        std::optional<int> after = std::nullopt) {
  static int n = 0;
  PracticeSession s;
  s.id = "id-" + std::to_string(++n);
  s.user_id = "u1";
  s.practice_id = practice;
  s.started_at = start;
  s.duration_seconds = seconds;
  s.distress_before = before;
  s.distress_after = after;
  return s;
}

std::vector<Practice> Catalogue() {
  std::vector<Practice> all(3);
  all[0].id = "resonance-breathing";
  all[0].title = "Slow, even breathing";
  all[1].id = "box-breathing";
  all[1].title = "Breathing in four equal sides";
  all[2].id = "body-scan";
  all[2].title = "A gentle body scan";
  return all;
}

PracticeStats Tally(const std::vector<PracticeSession>& sessions, std::string_view zone,
                    Instant now, int weeks) {
  auto stats = TallyPracticeSessions(sessions, Catalogue(), zone, now, weeks);
  EXPECT_TRUE(stats) << stats.error().message;
  return stats ? *stats : PracticeStats{};
}

std::vector<std::string> Starts(const PracticeStats& s) {
  std::vector<std::string> out;
  for (const auto& w : s.weeks) out.push_back(w.start);
  return out;
}

std::vector<int> Counts(const PracticeStats& s) {
  std::vector<int> out;
  for (const auto& w : s.weeks) out.push_back(w.sessions);
  return out;
}

TEST(PracticeStats, NoSessionsGiveEmptyWeeksEndingWithThisOne) {
  // Wednesday 4 November 2026.
  const auto stats = Tally({}, "Europe/London", Utc(2026, 11, 4, 12), 12);
  EXPECT_EQ(stats.time_zone, "Europe/London");
  ASSERT_EQ(stats.weeks.size(), 12u);
  EXPECT_EQ(stats.weeks.front().start, "2026-08-17");
  EXPECT_EQ(stats.weeks.back().start, "2026-11-02");
  for (const auto& w : stats.weeks) {
    EXPECT_EQ(w.sessions, 0);
    EXPECT_EQ(w.minutes, 0.0);
  }
  EXPECT_TRUE(stats.practices.empty());
  EXPECT_EQ(stats.total_sessions, 0);
  EXPECT_EQ(stats.total_minutes, 0.0);
}

TEST(PracticeStats, AMondayBeginsItsOwnWeek) {
  // 00:00 on Monday 2 November 2026 in London (GMT) is a new week; a
  // moment before, the week of 26 October is the current one.
  EXPECT_EQ(Starts(Tally({}, "Europe/London", Utc(2026, 11, 2), 2)),
            (std::vector<std::string>{"2026-10-26", "2026-11-02"}));
  EXPECT_EQ(Starts(Tally({}, "Europe/London", Utc(2026, 11, 1, 23, 59, 59), 2)),
            (std::vector<std::string>{"2026-10-19", "2026-10-26"}));
  // The same instant is still Sunday afternoon in New York.
  EXPECT_EQ(Starts(Tally({}, "America/New_York", Utc(2026, 11, 2), 1)),
            (std::vector<std::string>{"2026-10-26"}));
  // And already Monday in Auckland at 13:00 UTC on Sunday.
  EXPECT_EQ(Starts(Tally({}, "Pacific/Auckland", Utc(2026, 11, 1, 13), 1)),
            (std::vector<std::string>{"2026-11-02"}));
}

TEST(PracticeStats, SessionsFallInTheWeekOfTheirLocalStartAcrossTheAutumnChange) {
  // London leaves summer time at 01:00 UTC on Sunday 25 October 2026.
  const std::vector<PracticeSession> sessions = {
      // Sunday 18 October 23:30 UTC is 00:30 on Monday 19th in summer time.
      Session("body-scan", Utc(2026, 10, 18, 23, 30), 60),
      // Sunday 25 October 23:30 UTC is 23:30 GMT, still Sunday: week of the 19th.
      Session("body-scan", Utc(2026, 10, 25, 23, 30), 60),
      // Monday 26 October 00:30 GMT.
      Session("body-scan", Utc(2026, 10, 26, 0, 30), 60),
      // The last second of Sunday 1 November, and the first of Monday the 2nd.
      Session("body-scan", Utc(2026, 11, 1, 23, 59, 59), 60),
      Session("body-scan", Utc(2026, 11, 2), 60),
  };
  const auto stats = Tally(sessions, "Europe/London", Utc(2026, 11, 4, 12), 3);
  EXPECT_EQ(Starts(stats), (std::vector<std::string>{"2026-10-19", "2026-10-26", "2026-11-02"}));
  EXPECT_EQ(Counts(stats), (std::vector<int>{2, 2, 1}));
  // In UTC the first session belongs to the week before the window.
  EXPECT_EQ(Counts(Tally(sessions, "UTC", Utc(2026, 11, 4, 12), 3)), (std::vector<int>{1, 2, 1}));
  // In New York (UTC−4, then −5 from 1 November) every one of them is a
  // Sunday evening: the first in the week before the window, and Monday
  // 00:00 UTC still in the week of 26 October.
  EXPECT_EQ(Counts(Tally(sessions, "America/New_York", Utc(2026, 11, 4, 12), 3)),
            (std::vector<int>{2, 2, 0}));
}

TEST(PracticeStats, SessionsFallInTheWeekOfTheirLocalStartAcrossTheSpringChange) {
  // London enters summer time at 01:00 UTC on Sunday 29 March 2026.
  const std::vector<PracticeSession> sessions = {
      Session("body-scan", Utc(2026, 3, 29, 22, 59), 60),  // 23:59 BST, Sunday
      Session("body-scan", Utc(2026, 3, 29, 23, 0), 60),   // 00:00 BST, Monday 30th
      Session("body-scan", Utc(2026, 3, 29, 0, 30), 60),   // 00:30 GMT, Sunday, before the change
      Session("body-scan", Utc(2026, 3, 22, 23, 30), 60),  // 23:30 GMT, Sunday 22nd
  };
  const auto stats = Tally(sessions, "Europe/London", Utc(2026, 4, 1, 12), 3);
  EXPECT_EQ(Starts(stats), (std::vector<std::string>{"2026-03-16", "2026-03-23", "2026-03-30"}));
  EXPECT_EQ(Counts(stats), (std::vector<int>{1, 2, 1}));
}

TEST(PracticeStats, EmptyWeeksInBetweenAreKeptAndOlderOnesCountInTheTotalsOnly) {
  const Instant now = Utc(2026, 11, 25, 9);  // Wednesday
  const std::vector<PracticeSession> sessions = {
      Session("resonance-breathing", Utc(2026, 11, 10, 8), 300),
      Session("resonance-breathing", Utc(2026, 11, 24, 8), 600),
      Session("resonance-breathing", Utc(2026, 11, 25, 8), 120),
      Session("resonance-breathing", Utc(2025, 1, 6, 8), 60),  // long before the window
      // A device clock a little fast may start a session in the next week
      // (this one at 00:02 on Monday 30 November): totals, not weeks.
      Session("resonance-breathing", Utc(2026, 11, 30, 0, 2), 60),
  };
  const auto stats = Tally(sessions, "UTC", now, 4);
  EXPECT_EQ(Starts(stats),
            (std::vector<std::string>{"2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"}));
  EXPECT_EQ(Counts(stats), (std::vector<int>{0, 1, 0, 2}));
  EXPECT_EQ(stats.weeks[1].minutes, 5.0);
  EXPECT_EQ(stats.weeks[3].seconds, 720);
  EXPECT_EQ(stats.weeks[3].minutes, 12.0);
  EXPECT_EQ(stats.total_sessions, 5);
  EXPECT_EQ(stats.total_seconds, 1140);
  EXPECT_EQ(stats.total_minutes, 19.0);
  ASSERT_EQ(stats.practices.size(), 1u);
  EXPECT_EQ(stats.practices[0].sessions, 5);
}

TEST(PracticeStats, MinutesAreRoundedToOneDecimalWithHalvesUp) {
  EXPECT_EQ(MinutesOf(0), 0.0);
  EXPECT_EQ(MinutesOf(2), 0.0);   // 0.033
  EXPECT_EQ(MinutesOf(3), 0.1);   // 0.05
  EXPECT_EQ(MinutesOf(86), 1.4);  // 1.4333
  EXPECT_EQ(MinutesOf(87), 1.5);  // 1.45 exactly
  EXPECT_EQ(MinutesOf(90), 1.5);
  EXPECT_EQ(MinutesOf(870), 14.5);
  EXPECT_EQ(MinutesOf(14400), 240.0);
  // Weekly minutes come from the week's seconds, not from rounded sessions.
  const Instant now = Utc(2026, 11, 25, 9);
  const auto stats = Tally({Session("body-scan", Utc(2026, 11, 24, 8), 20),
                            Session("body-scan", Utc(2026, 11, 24, 9), 20),
                            Session("body-scan", Utc(2026, 11, 24, 10), 20)},
                           "UTC", now, 1);
  EXPECT_EQ(stats.weeks[0].minutes, 1.0);  // 3 × 0.333…, not 3 × 0.3
}

TEST(PracticeStats, RoundedTenthsRoundsHalvesAwayFromZero) {
  EXPECT_EQ(RoundedTenths(-9, 4), -2.3);  // −2.25
  EXPECT_EQ(RoundedTenths(9, 4), 2.3);
  EXPECT_EQ(RoundedTenths(-8, 3), -2.7);  // −2.666…
  EXPECT_EQ(RoundedTenths(-7, 3), -2.3);  // −2.333…
  EXPECT_EQ(RoundedTenths(-1, 40), -0.0);
  EXPECT_FALSE(std::signbit(RoundedTenths(-1, 40)));  // never "−0"
}

TEST(PracticeStats, OverallDistressShowsFromThreeRatedSessions) {
  const Instant now = Utc(2026, 11, 25, 9);
  const Instant t = Utc(2026, 11, 20, 8);
  auto stats = Tally({Session("body-scan", t, 60, 6, 3), Session("box-breathing", t, 60, 5, 4),
                      Session("box-breathing", t, 60, 5, std::nullopt)},
                     "UTC", now, 1);
  EXPECT_EQ(stats.distress.n, 2);
  EXPECT_FALSE(stats.distress.mean_before);
  EXPECT_FALSE(stats.distress.mean_after);
}

TEST(PracticeStats, MeanChangeInDistressShowsFromThreeRatedSessions) {
  const Instant now = Utc(2026, 11, 25, 9);
  const Instant t = Utc(2026, 11, 20, 8);
  std::vector<PracticeSession> sessions = {
      // Resonance: three rated both times (−3, −1, −4), one rated only before.
      Session("resonance-breathing", t, 300, 7, 4),
      Session("resonance-breathing", t, 300, 6, 5),
      Session("resonance-breathing", t, 300, 8, 4),
      Session("resonance-breathing", t, 300, 9, std::nullopt),
      // Box: two rated sessions are not enough to say anything.
      Session("box-breathing", t, 240, 5, 2),
      Session("box-breathing", t, 240, 5, 3),
      Session("box-breathing", t, 240),
      Session("box-breathing", t, 240, std::nullopt, 1),
  };
  auto stats = Tally(sessions, "UTC", now, 1);
  ASSERT_EQ(stats.practices.size(), 2u);
  const PracticeTally& box = stats.practices[0];  // four each: by id
  const PracticeTally& resonance = stats.practices[1];
  EXPECT_EQ(box.practice_id, "box-breathing");
  EXPECT_EQ(box.title, "Breathing in four equal sides");
  EXPECT_EQ(box.sessions, 4);
  EXPECT_EQ(box.minutes, 16.0);
  EXPECT_EQ(box.distress.n, 2);
  EXPECT_FALSE(box.distress.mean_change);
  EXPECT_EQ(resonance.practice_id, "resonance-breathing");
  EXPECT_EQ(resonance.distress.n, 3);
  ASSERT_TRUE(resonance.distress.mean_change);
  EXPECT_EQ(*resonance.distress.mean_change, -2.7);  // −8 / 3
  // Over every practice: five sessions rated both times, before (7 + 6 + 8 +
  // 5 + 5) / 5 = 6.2, after (4 + 5 + 4 + 2 + 3) / 5 = 3.6.
  EXPECT_EQ(stats.distress.n, 5);
  EXPECT_EQ(stats.distress.mean_before, 6.2);
  EXPECT_EQ(stats.distress.mean_after, 3.6);

  // A third rated box session: (−3 − 2 + 1) / 3 = −1.333… → −1.3.
  sessions.push_back(Session("box-breathing", t, 240, 2, 3));
  stats = Tally(sessions, "UTC", now, 1);
  EXPECT_EQ(stats.practices[0].practice_id, "box-breathing");  // now five
  EXPECT_EQ(stats.practices[0].distress.n, 3);
  EXPECT_EQ(stats.practices[0].distress.mean_change, -1.3);

  // No change on average is 0, shown as such.
  stats = Tally({Session("body-scan", t, 60, 3, 4), Session("body-scan", t, 60, 4, 3),
                 Session("body-scan", t, 60, 5, 5)},
                "UTC", now, 1);
  EXPECT_EQ(stats.practices[0].distress.mean_change, 0.0);
}

TEST(PracticeStats, PracticesAreByMostSessionsThenIdAndKeepTheirIdWhenGone) {
  const Instant now = Utc(2026, 11, 25, 9);
  const Instant t = Utc(2026, 11, 20, 8);
  const auto stats = Tally({Session("retired-practice", t, 60), Session("body-scan", t, 60),
                            Session("box-breathing", t, 60), Session("box-breathing", t, 60)},
                           "UTC", now, 1);
  ASSERT_EQ(stats.practices.size(), 3u);
  EXPECT_EQ(stats.practices[0].practice_id, "box-breathing");
  EXPECT_EQ(stats.practices[1].practice_id, "body-scan");
  EXPECT_EQ(stats.practices[1].title, "A gentle body scan");
  EXPECT_EQ(stats.practices[2].practice_id, "retired-practice");
  EXPECT_EQ(stats.practices[2].title, "retired-practice");
}

TEST(PracticeStats, RefusesAnUnknownZoneAndWeeksOutOfRange) {
  const Instant now = Utc(2026, 11, 25, 9);
  auto bad = TallyPracticeSessions({}, Catalogue(), "Europe/Atlantis", now, 12);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  ASSERT_EQ(bad.error().fields.size(), 1u);
  EXPECT_EQ(bad.error().fields[0].field, "tz");
  for (const char* zone : {"", "../../etc/passwd", "europe/london"}) {
    EXPECT_FALSE(TallyPracticeSessions({}, Catalogue(), zone, now, 12)) << zone;
  }
  for (int weeks : {0, -1, 53}) {
    bad = TallyPracticeSessions({}, Catalogue(), "UTC", now, weeks);
    ASSERT_FALSE(bad) << weeks;
    EXPECT_EQ(bad.error().fields.at(0).field, "weeks");
  }
  EXPECT_EQ(Tally({}, "UTC", now, 1).weeks.size(), 1u);
  EXPECT_EQ(Tally({}, "UTC", now, 52).weeks.size(), 52u);
}

}  // namespace
}  // namespace securebase::domain
