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

}  // namespace
}  // namespace securebase
