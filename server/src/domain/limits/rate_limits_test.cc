#include "domain/limits/rate_limits.h"

#include <gtest/gtest.h>

#include "common/random.h"
#include "fakes/memory_rate_counter_repository.h"

namespace securebase::domain {
namespace {

using namespace std::chrono_literals;

class RateLimitsTest : public ::testing::Test {
 protected:
  static RateLimitSettings Small() {
    RateLimitSettings s;
    s.booking = RateLimit{4, 2, 3600s};
    s.sign_up = RateLimit{3, 0, 600s};
    return s;
  }
  void SetUp() override { ASSERT_TRUE(InitRandom()); }

  // 10:00:30 UTC on some day: half a minute into an hour's window.
  FakeClock clock_{Instant{1'800'000'000'000 - 1'800'000'000'000 % 3'600'000 + 30'000}};
  fakes::MemoryRateCounterRepository counters_;
  RateLimits limits_{counters_, clock_, Small()};
};

TEST_F(RateLimitsTest, AnAccountPastItsLimitWaitsForTheWindowToEnd) {
  EXPECT_TRUE(limits_.Hit(LimitedAction::kBooking, "10.0.0.1", "u_sam"));
  EXPECT_TRUE(limits_.Hit(LimitedAction::kBooking, "10.0.0.2", "u_sam"));
  const auto third = limits_.Hit(LimitedAction::kBooking, "10.0.0.3", "u_sam");
  ASSERT_FALSE(third);
  EXPECT_EQ(third.error().code, ErrorCode::kTooManyRequests);
  EXPECT_EQ(third.error().retry_after_seconds, 3600 - 30);
  // Another account is not held up by Sam's.
  EXPECT_TRUE(limits_.Hit(LimitedAction::kBooking, "10.0.0.4", "u_kim"));
  // The next hour, Sam may again.
  clock_.Advance(3570s);
  EXPECT_TRUE(limits_.Hit(LimitedAction::kBooking, "10.0.0.5", "u_sam"));
}

TEST_F(RateLimitsTest, AnAddressPastItsLimitIsHeldWhoeverAsks) {
  for (const char* who : {"a", "b", "c", "d"}) {
    EXPECT_TRUE(limits_.Hit(LimitedAction::kBooking, "192.0.2.7", who)) << who;
  }
  const auto fifth = limits_.Hit(LimitedAction::kBooking, "192.0.2.7", "e");
  ASSERT_FALSE(fifth);
  EXPECT_GE(fifth.error().retry_after_seconds, 1);
  EXPECT_TRUE(limits_.Hit(LimitedAction::kBooking, "192.0.2.8", "e"));
}

TEST_F(RateLimitsTest, ActionsAreCountedApartAndZeroMeansNoLimit) {
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limits_.Hit(LimitedAction::kSignUp, "192.0.2.9", "x@y"));
  EXPECT_FALSE(limits_.Hit(LimitedAction::kSignUp, "192.0.2.9", "x@y"));
  // Booking from the same address has its own count; sign-up's per-account 0 is no limit.
  EXPECT_TRUE(limits_.Hit(LimitedAction::kBooking, "192.0.2.9", "x@y"));
  EXPECT_TRUE(limits_.Hit(LimitedAction::kSignUp, "192.0.2.10", "x@y"));
}

TEST_F(RateLimitsTest, ForgetsCountersADayAfterTheirWindow) {
  EXPECT_TRUE(limits_.Hit(LimitedAction::kBooking, "192.0.2.1", "u_1"));
  EXPECT_EQ(limits_.ForgetOld(), 0);
  clock_.Advance(26h);
  EXPECT_EQ(limits_.ForgetOld(), 2);  // the address's and the account's
}

}  // namespace
}  // namespace securebase::domain
