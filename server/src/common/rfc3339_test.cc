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

}  // namespace
}  // namespace securebase
