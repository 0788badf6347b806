#include "domain/accounts/login_throttle.h"

#include <gtest/gtest.h>

#include "fakes/memory_login_throttle_repository.h"

namespace securebase::domain {
namespace {

using namespace std::chrono_literals;

TEST(WaitSeconds, IsFreeAtFirstThenDoublesUpToFifteenMinutes) {
  EXPECT_EQ(WaitSeconds(0, 5), 0);
  EXPECT_EQ(WaitSeconds(5, 5), 0);
  EXPECT_EQ(WaitSeconds(6, 5), 1);
  EXPECT_EQ(WaitSeconds(7, 5), 2);
  EXPECT_EQ(WaitSeconds(8, 5), 4);
  EXPECT_EQ(WaitSeconds(15, 5), 512);
  EXPECT_EQ(WaitSeconds(16, 5), 900);
  EXPECT_EQ(WaitSeconds(1000, 5), 900);
}

TEST(LoginKeys, AreHashesThatNameNeitherTheEmailNorTheAddress) {
  const auto keys = LoginKeys("ana@example.org", "203.0.113.9");
  ASSERT_EQ(keys.size(), 2u);
  for (const auto& k : keys) {
    EXPECT_EQ(k.key.find("ana"), std::string::npos);
    EXPECT_EQ(k.key.find("203"), std::string::npos);
  }
  EXPECT_NE(keys[0].key, LoginKeys("bob@example.org", "203.0.113.9")[0].key);
  EXPECT_EQ(keys[1].key, LoginKeys("bob@example.org", "203.0.113.9")[1].key);
}

class LoginThrottleTest : public ::testing::Test {
 protected:
  fakes::MemoryLoginThrottleRepository records_;
  FakeClock clock_{Instant{1'800'000'000'000}};
  LoginThrottle throttle_{records_, clock_};
  std::vector<ThrottleKey> keys_ = LoginKeys("ana@example.org", "203.0.113.9");
};

TEST_F(LoginThrottleTest, SaysHowLongToWaitAndLetsThroughAfterwards) {
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(throttle_.Check(keys_));
    ASSERT_TRUE(throttle_.RecordFailure(keys_));
  }
  EXPECT_TRUE(throttle_.Check(keys_)) << "five failures are free";
  ASSERT_TRUE(throttle_.RecordFailure(keys_));
  ASSERT_TRUE(throttle_.RecordFailure(keys_));  // seven: wait two seconds
  auto slowed = throttle_.Check(keys_);
  ASSERT_FALSE(slowed);
  EXPECT_EQ(slowed.error().code, ErrorCode::kTooManyRequests);
  EXPECT_EQ(slowed.error().retry_after_seconds, 2);
  clock_.Advance(1500ms);
  EXPECT_EQ(throttle_.Check(keys_).error().retry_after_seconds, 1);
  clock_.Advance(600ms);
  EXPECT_TRUE(throttle_.Check(keys_));
}

TEST_F(LoginThrottleTest, ClearingTheAccountForgetsItsFailures) {
  for (int i = 0; i < 8; ++i) ASSERT_TRUE(throttle_.RecordFailure(keys_));
  ASSERT_TRUE(throttle_.Clear(keys_[0]));
  EXPECT_TRUE(throttle_.Check({keys_[0]}));
}

TEST_F(LoginThrottleTest, FailuresAreForgottenAfterADay) {
  for (int i = 0; i < 20; ++i) ASSERT_TRUE(throttle_.RecordFailure({keys_[0]}));
  EXPECT_FALSE(throttle_.Check({keys_[0]}));
  clock_.Advance(std::chrono::hours(25));
  EXPECT_TRUE(throttle_.Check({keys_[0]}));
  ASSERT_TRUE(throttle_.RecordFailure({keys_[0]}));
  EXPECT_TRUE(throttle_.Check({keys_[0]})) << "counting starts again from one";
}

}  // namespace
}  // namespace securebase::domain
