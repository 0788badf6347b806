// ParseIsoDate: the one reader of "YYYY-MM-DD" calendar dates (the
// schedule's date overrides, from the API and from storage).
#include "domain/calendar/local_calendar.h"

#include <gtest/gtest.h>

#include <string>

#include "common/rfc3339.h"

namespace securebase::domain {
namespace {

TEST(FindTimeZoneTest, KnowsIanaNamesButNotTheServersOwnZone) {
  EXPECT_NE(FindTimeZone("Europe/London"), nullptr);
  EXPECT_NE(FindTimeZone("UTC"), nullptr);
  // The OS database lists "localtime" (a link to /etc/localtime): a zone
  // that would differ from server to server.
  EXPECT_EQ(FindTimeZone("localtime"), nullptr);
  EXPECT_EQ(FindTimeZone(""), nullptr);
  EXPECT_EQ(FindTimeZone(std::string(65, 'a')), nullptr);
}

TEST(LocalRfc3339Test, WritesTheInstantEvenWhenTheOffsetHadSeconds) {
  const auto* london = FindTimeZone("Europe/London");
  ASSERT_NE(london, nullptr);
  EXPECT_EQ(LocalRfc3339(*london, Instant{1'782'800'000'000}), "2026-06-30T07:13:20+01:00");
  // Local mean time: Addis Ababa was +02:35:36 in 1926, Monrovia -00:44:30
  // until 1972. The offset is written in whole minutes and the wall time
  // with it, so the text reads back as the same instant.
  for (const char* name : {"Africa/Addis_Ababa", "Africa/Monrovia"}) {
    const auto* zone = FindTimeZone(name);
    ASSERT_NE(zone, nullptr) << name;
    for (const Instant at : {Instant{-1'384'467'194'000}, Instant{0}}) {
      const std::string text = LocalRfc3339(*zone, at);
      EXPECT_EQ(ParseRfc3339(text), at) << name << " " << text;
    }
  }
}

TEST(ParseIsoDateTest, ReadsARealDate) {
  const auto day = ParseIsoDate("2026-12-24");
  ASSERT_TRUE(day);
  EXPECT_EQ(*day, date::year{2026} / date::December / 24);
  EXPECT_EQ(ParseIsoDate("2028-02-29"), date::year{2028} / date::February / 29);
}

TEST(ParseIsoDateTest, RoundTripsWithIsoDate) {
  for (const char* text : {"2026-01-01", "1999-12-31", "2030-07-09"}) {
    const auto day = ParseIsoDate(text);
    ASSERT_TRUE(day) << text;
    EXPECT_EQ(IsoDate(date::local_days{*day}), text);
  }
}

TEST(ParseIsoDateTest, RefusesAnythingElse) {
  for (const char* text : {"", "2026-12-2", "2026-12-240", "2026/12/24", "2026-13-01", "2026-02-29",
                           "2026-00-10", "2026-04-31", "+026-12-24", "2026--1-24", "2026-1 -24",
                           " 026-12-24", "2026-12-2x", "24-12-2026", "2026-12-24T00:00"}) {
    EXPECT_FALSE(ParseIsoDate(text)) << text;
  }
}

// LocalRfc3339: the local wall time with its offset, as slots are listed.
TEST(LocalRfc3339Test, WritesTheWallTimeWithItsOffset) {
  const Instant spring{1'774'857'600'000};  // 2026-03-30T08:00:00Z
  EXPECT_EQ(LocalRfc3339(*FindTimeZone("America/New_York"), spring), "2026-03-30T04:00:00-04:00");
  EXPECT_EQ(LocalRfc3339(*FindTimeZone("Europe/London"), spring), "2026-03-30T09:00:00+01:00");
  EXPECT_EQ(LocalRfc3339(*FindTimeZone("Asia/Kathmandu"), spring), "2026-03-30T13:45:00+05:45");
  EXPECT_EQ(LocalRfc3339(*FindTimeZone("America/St_Johns"), spring), "2026-03-30T05:30:00-02:30");
  EXPECT_EQ(LocalRfc3339(*FindTimeZone("UTC"), spring), "2026-03-30T08:00:00+00:00");
  // The day before, in a zone behind UTC; seconds are floored.
  EXPECT_EQ(LocalRfc3339(*FindTimeZone("Pacific/Pago_Pago"), Instant{1'774'828'800'999}),
            "2026-03-29T13:00:00-11:00");
}

}  // namespace
}  // namespace securebase::domain
