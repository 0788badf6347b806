// ParseIsoDate: the one reader of "YYYY-MM-DD" calendar dates (the
// schedule's date overrides, from the API and from storage).
#include "domain/calendar/local_calendar.h"

#include <gtest/gtest.h>

namespace securebase::domain {
namespace {

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

}  // namespace
}  // namespace securebase::domain
