#include "domain/assessment/change.h"

#include <gtest/gtest.h>

#include <cmath>

#include "support/sample_questionnaires.h"

namespace securebase::domain {
namespace {

TEST(ChangeTest, ReliableChangeIndexFollowsJacobsonAndTruax) {
  // SD 1.2, r 0.9: SE = 1.2 × √0.1 = 0.379473; S_diff = √2 × SE = 0.536656.
  const Norms norms{3.5, 1.2, 0.9, "test"};
  const auto rci = ReliableChangeIndex(5.0, 3.75, norms);
  ASSERT_TRUE(rci);
  EXPECT_NEAR(*rci, -1.25 / 0.536656, 1e-5);
  EXPECT_NEAR(*rci, -2.3293, 1e-4);
}

TEST(ChangeTest, NoIndexFromNormsThatCannotGiveOne) {
  EXPECT_FALSE(ReliableChangeIndex(1, 2, Norms{3, 0, 0.9, ""}));
  EXPECT_FALSE(ReliableChangeIndex(1, 2, Norms{3, 1, 1.0, ""}));
  EXPECT_FALSE(ReliableChangeIndex(1, 2, Norms{3, 1, 0.0, ""}));
  EXPECT_FALSE(ReliableChangeIndex(1, 2, Norms{3, 1, std::nan(""), ""}));
}

TEST(ChangeTest, WithNormsSaysWhetherTheChangeIsReliable) {
  const Questionnaire q = testing::SampleAttachment(/*with_norms=*/true);
  const auto changes = Compare(q, Scores{{"anxiety", 5.0}, {"avoidance", 3.0}},
                               Scores{{"anxiety", 3.75}, {"avoidance", 2.5}});
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].subscale, "anxiety");
  EXPECT_DOUBLE_EQ(changes[0].difference, -1.25);
  ASSERT_TRUE(changes[0].rci);
  EXPECT_TRUE(*changes[0].reliable);  // |−2.33| ≥ 1.96
  // avoidance: SD 1.0, r 0.84: S_diff = √2 × 0.4 = 0.565685; −0.5 / that = −0.884.
  EXPECT_DOUBLE_EQ(changes[1].difference, -0.5);
  EXPECT_NEAR(*changes[1].rci, -0.883883, 1e-5);
  EXPECT_FALSE(*changes[1].reliable);
}

TEST(ChangeTest, TheThresholdIsInclusive) {
  // S_diff = 1 exactly when SD = 1/√(2 × (1 − r)); with r = 0.5, SD = 1.
  const Norms norms{0, 1.0, 0.5, ""};
  const auto rci = ReliableChangeIndex(0, 1.96, norms);
  ASSERT_TRUE(rci);
  EXPECT_NEAR(*rci, 1.96, 1e-12);
  Questionnaire q = testing::SampleAttachment();
  q.subscales[0].norms = norms;
  const auto changes = Compare(q, Scores{{"anxiety", 2.0}}, Scores{{"anxiety", 3.96}});
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_TRUE(*changes[0].reliable);
}

TEST(ChangeTest, WithoutNormsOnlyThePlainDifference) {
  const Questionnaire q = testing::SampleAttachment(/*with_norms=*/false);
  const auto changes = Compare(q, Scores{{"anxiety", 5.0}, {"avoidance", 3.0}},
                               Scores{{"anxiety", 1.0}, {"avoidance", 6.0}});
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_DOUBLE_EQ(changes[0].difference, -4.0);
  EXPECT_FALSE(changes[0].rci);
  EXPECT_FALSE(changes[0].reliable);
  EXPECT_DOUBLE_EQ(changes[1].difference, 3.0);
  EXPECT_FALSE(changes[1].rci);
}

TEST(ChangeTest, OnlySubscalesBothResultsScored) {
  const Questionnaire q = testing::SampleAttachment();
  const auto changes =
      Compare(q, Scores{{"anxiety", 5.0}}, Scores{{"anxiety", 4.0}, {"avoidance", 3.0}});
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].subscale, "anxiety");
}

}  // namespace
}  // namespace securebase::domain
