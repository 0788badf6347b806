#include "domain/assessment/plane.h"

#include <gtest/gtest.h>

#include "support/sample_questionnaires.h"

namespace securebase::domain {
namespace {

const ResponseScale kScale{1, 7, {}};

TEST(PlaneTest, FourRegionsAroundTheMidpoint) {
  EXPECT_EQ(RegionFor(2.0, 2.0, kScale), Region::kSecure);
  EXPECT_EQ(RegionFor(6.0, 2.0, kScale), Region::kAnxiousPreoccupied);
  EXPECT_EQ(RegionFor(2.0, 6.0, kScale), Region::kAvoidantDismissing);
  EXPECT_EQ(RegionFor(6.0, 6.0, kScale), Region::kFearful);
}

TEST(PlaneTest, TheMidpointItselfCountsAsLow) {
  EXPECT_EQ(RegionFor(4.0, 4.0, kScale), Region::kSecure);
  EXPECT_EQ(RegionFor(4.0 + 1e-9, 4.0, kScale), Region::kAnxiousPreoccupied);
  EXPECT_EQ(RegionFor(4.0, 4.0 + 1e-9, kScale), Region::kAvoidantDismissing);
  EXPECT_EQ(RegionFor(4.01, 4.01, kScale), Region::kFearful);
  EXPECT_EQ(RegionFor(3.99, 3.99, kScale), Region::kSecure);
}

TEST(PlaneTest, TheMidpointFollowsTheScale) {
  const ResponseScale zero_to_four{0, 4, {}};
  EXPECT_EQ(RegionFor(2.0, 2.0, zero_to_four), Region::kSecure);
  EXPECT_EQ(RegionFor(2.25, 1.0, zero_to_four), Region::kAnxiousPreoccupied);
}

TEST(PlaneTest, RegionIdsRoundTrip) {
  for (Region r : {Region::kSecure, Region::kAnxiousPreoccupied, Region::kAvoidantDismissing,
                   Region::kFearful}) {
    EXPECT_EQ(RegionFromId(RegionId(r)), r);
  }
  EXPECT_STREQ(RegionId(Region::kAnxiousPreoccupied), "anxious_preoccupied");
  EXPECT_FALSE(RegionFromId("disorganized"));
}

TEST(PlaneTest, OnlyAttachmentQuestionnairesHaveARegion) {
  const Scores scores{{"anxiety", 5.0}, {"avoidance", 2.0}};
  EXPECT_EQ(RegionOf(testing::SampleAttachment(), scores), Region::kAnxiousPreoccupied);
  Questionnaire general = testing::SampleAttachment();
  general.kind = QuestionnaireKind::kGeneral;
  EXPECT_FALSE(RegionOf(general, scores));
  EXPECT_FALSE(RegionOf(testing::SampleAttachment(), Scores{{"anxiety", 5.0}}));
}

}  // namespace
}  // namespace securebase::domain
