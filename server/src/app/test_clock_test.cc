#include "app/test_clock.h"

#include <gtest/gtest.h>

#include <fstream>

#include "common/random.h"

namespace securebase::app {
namespace {

TEST(OffsetFileClock, AddsTheSecondsInTheFileAndNothingWithoutIt) {
  ASSERT_TRUE(InitRandom());
  const auto file = std::filesystem::temp_directory_path() / ("sb-clock-" + RandomHex(6));
  OffsetFileClock clock(file);
  SystemClock real;
  const auto before = real.Now().millis;
  EXPECT_GE(clock.Now().millis, before);
  EXPECT_LT(clock.Now().millis, before + 60'000);

  std::ofstream(file) << "259200\n";  // three days
  const auto later = clock.Now().millis - real.Now().millis;
  EXPECT_GT(later, 259'200'000 - 60'000);
  EXPECT_LE(later, 259'200'000);
  std::filesystem::remove(file);
  EXPECT_LT(clock.Now().millis, real.Now().millis + 60'000);
}

TEST(OffsetFileClock, ANegativeOffsetGoesBack) {
  ASSERT_TRUE(InitRandom());
  const auto file = std::filesystem::temp_directory_path() / ("sb-clock-" + RandomHex(6));
  OffsetFileClock clock(file);
  SystemClock real;
  std::ofstream(file) << "-23328000\n";  // 270 days
  const auto earlier = real.Now().millis - clock.Now().millis;
  EXPECT_GE(earlier, 23'328'000'000 - 60'000);
  EXPECT_LE(earlier, 23'328'000'000 + 60'000);
  std::filesystem::remove(file);
}

}  // namespace
}  // namespace securebase::app
