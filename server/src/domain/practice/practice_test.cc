#include "domain/practice/practice.h"

#include <gtest/gtest.h>

namespace securebase::domain {
namespace {

TEST(Practice, KindAndPhaseNamesRoundTrip) {
  for (const auto kind : {PracticeKind::kBreathing, PracticeKind::kSteps, PracticeKind::kTimer}) {
    EXPECT_EQ(PracticeKindFromName(PracticeKindName(kind)), kind);
  }
  for (const auto kind : {BreathPhaseKind::kIn, BreathPhaseKind::kTopUp, BreathPhaseKind::kHold,
                          BreathPhaseKind::kOut}) {
    EXPECT_EQ(BreathPhaseKindFromName(BreathPhaseKindName(kind)), kind);
  }
  EXPECT_STREQ(PracticeKindName(PracticeKind::kBreathing), "breathing");
  EXPECT_STREQ(BreathPhaseKindName(BreathPhaseKind::kTopUp), "top-up");
  EXPECT_FALSE(PracticeKindFromName("Breathing"));
  EXPECT_FALSE(BreathPhaseKindFromName("exhale"));
}

TEST(Practice, AtRateKeepsTheProportionsOfOneBreath) {
  const Breathing sigh{
      {{BreathPhaseKind::kIn, 2}, {BreathPhaseKind::kTopUp, 1}, {BreathPhaseKind::kOut, 6}},
      std::nullopt};
  EXPECT_DOUBLE_EQ(sigh.CycleSeconds(), 9);
  // 4 breaths a minute: 15 s a breath, so every phase grows by 15/9.
  const auto slow = sigh.AtRate(4);
  ASSERT_EQ(slow.size(), 3u);
  EXPECT_DOUBLE_EQ(slow[0].seconds, 2 * 15.0 / 9);
  EXPECT_DOUBLE_EQ(slow[1].seconds, 15.0 / 9);
  EXPECT_DOUBLE_EQ(slow[2].seconds, 6 * 15.0 / 9);
  EXPECT_EQ(slow[1].kind, BreathPhaseKind::kTopUp);
  EXPECT_DOUBLE_EQ(slow[0].seconds + slow[1].seconds + slow[2].seconds, 15);
  // No rate: as written.
  EXPECT_DOUBLE_EQ(sigh.AtRate(0)[2].seconds, 6);
}

TEST(Practice, FindPracticeById) {
  std::vector<Practice> all(2);
  all[0].id = "box-breathing";
  all[1].id = "orienting";
  EXPECT_EQ(FindPractice(all, "orienting"), &all[1]);
  EXPECT_EQ(FindPractice(all, "humming"), nullptr);
}

}  // namespace
}  // namespace securebase::domain
