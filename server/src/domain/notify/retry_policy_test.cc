#include "domain/notify/retry_policy.h"

#include <gtest/gtest.h>

#include <climits>

namespace securebase::domain {
namespace {

using namespace std::chrono_literals;
using std::chrono::milliseconds;

TEST(RetryDelay, StartsAtOneMinuteAndDoublesToAnHour) {
  const RetryPolicy policy;
  EXPECT_EQ(RetryDelay(policy, 1), milliseconds(1min));
  EXPECT_EQ(RetryDelay(policy, 2), milliseconds(2min));
  EXPECT_EQ(RetryDelay(policy, 3), milliseconds(4min));
  EXPECT_EQ(RetryDelay(policy, 4), milliseconds(8min));
  EXPECT_EQ(RetryDelay(policy, 5), milliseconds(16min));
  EXPECT_EQ(RetryDelay(policy, 6), milliseconds(32min));
  EXPECT_EQ(RetryDelay(policy, 7), milliseconds(1h));  // 64 min, capped
  EXPECT_EQ(RetryDelay(policy, 8), milliseconds(1h));
  EXPECT_EQ(RetryDelay(policy, 500), milliseconds(1h));
}

TEST(RetryDelay, NeverShrinksAndNeverPassesTheCap) {
  const RetryPolicy policy;
  milliseconds previous{0};
  for (int attempt = 1; attempt <= 200; ++attempt) {
    const auto d = RetryDelay(policy, attempt);
    EXPECT_GE(d, previous) << attempt;
    EXPECT_LE(d, policy.max_delay) << attempt;
    EXPECT_GE(d, policy.first_delay) << attempt;
    previous = d;
  }
}

TEST(RetryDelay, OddInputsStayBoundedAndFast) {
  const RetryPolicy policy;
  EXPECT_EQ(RetryDelay(policy, 0), milliseconds(1min));
  EXPECT_EQ(RetryDelay(policy, -5), milliseconds(1min));
  EXPECT_EQ(RetryDelay(policy, INT_MAX), milliseconds(1h));
  const RetryPolicy zero{0ms, 1h, 72h};
  EXPECT_EQ(RetryDelay(zero, INT_MAX), 0ms);
  const RetryPolicy odd{7s, 50s, 72h};
  EXPECT_EQ(RetryDelay(odd, 3), milliseconds(28s));
  EXPECT_EQ(RetryDelay(odd, 4), milliseconds(50s));  // 56 s, capped
}

TEST(NextAttempt, IsNowPlusTheDelayWhileTheMailIsYoung) {
  const RetryPolicy policy;
  const Instant created{1'700'000'000'000};
  const Instant now{created.millis + 5 * 60'000};
  EXPECT_EQ(NextAttempt(policy, 1, created, now), Instant{now.millis + 60'000});
  EXPECT_EQ(NextAttempt(policy, 3, created, now), Instant{now.millis + 4 * 60'000});
}

TEST(NextAttempt, GivesUpWhenTheNextTryWouldBePastThreeDays) {
  const RetryPolicy policy;
  const Instant created{1'700'000'000'000};
  const std::int64_t three_days = 72LL * 3600 * 1000;
  // Exactly at the limit is still allowed; one millisecond past is not.
  const Instant at_limit{created.millis + three_days - 3'600'000};
  EXPECT_EQ(NextAttempt(policy, 20, created, at_limit), Instant{created.millis + three_days});
  const Instant just_past{at_limit.millis + 1};
  EXPECT_EQ(NextAttempt(policy, 20, created, just_past), std::nullopt);
  EXPECT_EQ(NextAttempt(policy, 1, created, Instant{created.millis + three_days}), std::nullopt);
}

// Replays a mail server that never comes back: the worker keeps trying for
// three days, hourly at the end, and then stops.
TEST(NextAttempt, AServerThatNeverAnswersGetsAboutSeventyFiveTriesInThreeDays) {
  const RetryPolicy policy;
  const Instant created{1'700'000'000'000};
  Instant now = created;
  int attempt = 1;
  for (;;) {
    const auto next = NextAttempt(policy, attempt, created, now);
    if (!next) break;
    ASSERT_GT(*next, now);
    now = *next;
    ++attempt;
    ASSERT_LT(attempt, 1000) << "never gave up";
  }
  EXPECT_GE(attempt, 70);
  EXPECT_LE(attempt, 80);
  EXPECT_GE(now.millis - created.millis, 71LL * 3600 * 1000);
  EXPECT_LE(now.millis - created.millis, 72LL * 3600 * 1000);
}

}  // namespace
}  // namespace securebase::domain
