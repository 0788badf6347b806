#include "common/rfc3339.h"

#include <gtest/gtest.h>

namespace securebase {
namespace {

TEST(Rfc3339, WritesUtcWithWholeSeconds) {
  EXPECT_EQ(Rfc3339(Instant{0}), "1970-01-01T00:00:00Z");
  EXPECT_EQ(Rfc3339(Instant{1'743'321'600'000}), "2025-03-30T08:00:00Z");
  EXPECT_EQ(Rfc3339(Instant{1'743'321'600'999}), "2025-03-30T08:00:00Z");
  EXPECT_EQ(Rfc3339(Instant{951'825'599'000}), "2000-02-29T11:59:59Z");
}

TEST(Rfc3339, FloorsInstantsBeforeTheEpoch) {
  EXPECT_EQ(Rfc3339(Instant{-1}), "1969-12-31T23:59:59Z");
}

TEST(Rfc3339, WritesEveryFieldWithItsZeros) {
  EXPECT_EQ(WriteDateTime(2026, 3, 9, 4, 5, 6, "Z"), "2026-03-09T04:05:06Z");
  EXPECT_EQ(WriteDateTime(987, 12, 31, 23, 59, 59, "-04:00"), "0987-12-31T23:59:59-04:00");
  EXPECT_EQ(WriteDateTime(0, 1, 1, 0, 0, 0, ""), "0000-01-01T00:00:00");
  EXPECT_EQ(WriteDateTime(9999, 10, 20, 10, 20, 30, "+05:45"), "9999-10-20T10:20:30+05:45");
}

TEST(Rfc3339, WritesYearsBeyondFourDigitsInFull) {
  EXPECT_EQ(WriteDateTime(10000, 1, 2, 3, 4, 5, "Z"), "10000-01-02T03:04:05Z");
  EXPECT_EQ(WriteDateTime(-1, 1, 2, 3, 4, 5, "Z"), "-001-01-02T03:04:05Z");
}

TEST(Rfc3339, ReadsBackWhatItWrites) {
  // Every 7,919 seconds over ten years: each field takes many values.
  for (std::int64_t s = 1'577'836'800; s < 1'893'456'000; s += 7'919) {
    const Instant at{s * 1000};
    EXPECT_EQ(ParseRfc3339(Rfc3339(at)), at) << Rfc3339(at);
  }
}

// 2026-11-29T08:00:00Z.
constexpr std::int64_t kMorning = 1'795'939'200'000;

TEST(Rfc3339, ReadsUtcAndOffsets) {
  EXPECT_EQ(ParseRfc3339("2026-11-29T08:00:00Z"), Instant{kMorning});
  EXPECT_EQ(ParseRfc3339("2026-11-29t08:00:00z"), Instant{kMorning});
  EXPECT_EQ(ParseRfc3339("2026-11-29T09:00:00+01:00"), Instant{kMorning});
  EXPECT_EQ(ParseRfc3339("2026-11-29T02:30:00-05:30"), Instant{kMorning});
  // A fraction is dropped, never rounded up into the next second.
  EXPECT_EQ(ParseRfc3339("2026-11-29T08:00:00.999Z"), Instant{kMorning});
  EXPECT_EQ(ParseRfc3339("2024-02-29T00:00:00Z"), Instant{1'709'164'800'000});
  EXPECT_EQ(ParseRfc3339("1970-01-01T00:00:00Z"), Instant{0});
}

TEST(Rfc3339, RefusesAnythingElse) {
  for (const char* bad :
       {"", "2026-11-29", "2026-11-29T08:00:00", "2026-11-29 08:00:00Z", "2026-11-29T08:00Z",
        "2026-11-29T08:00:00.Z", "2026-11-29T08:00:00+0100", "2026-11-29T08:00:00+24:00",
        "2026-13-01T08:00:00Z", "2026-02-29T08:00:00Z", "2026-11-31T08:00:00Z",
        "2026-11-29T24:00:00Z", "2026-11-29T08:60:00Z", "2026-11-29T08:00:60Z",
        "2026-11-29T08:00:00Zx", " 2026-11-29T08:00:00Z", "+2026-11-29T08:00:00Z",
        "２026-11-29T08:00:00Z", "yesterday"}) {
    EXPECT_FALSE(ParseRfc3339(bad)) << bad;
  }
}

TEST(Rfc3339, RefusesOffsetsThatLeaveTheFourDigitYears) {
  // Each of these is a year -1 or 10000 instant in UTC, which Rfc3339 would
  // write as "-001-12-31T23:00:00Z" or "10000-…": not readable again.
  EXPECT_FALSE(ParseRfc3339("0000-01-01T00:00:00+01:00"));
  EXPECT_FALSE(ParseRfc3339("9999-12-31T23:59:59-00:01"));
  // The edges themselves read, and write back as they were read.
  for (const char* edge : {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
                           "0000-01-01T01:00:00+01:00", "9999-12-31T22:59:59-01:00"}) {
    const auto at = ParseRfc3339(edge);
    ASSERT_TRUE(at) << edge;
    EXPECT_EQ(ParseRfc3339(Rfc3339(*at)), at) << edge;
  }
}

}  // namespace
}  // namespace securebase
