#include "domain/assessment/checkin_service.h"

#include <gtest/gtest.h>

#include "common/random.h"
#include "fakes/memory_checkin_repository.h"
#include "support/sample_questionnaires.h"

namespace securebase::domain {
namespace {

constexpr std::int64_t kDay = 24LL * 60 * 60 * 1000;

class CheckinServiceTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(InitRandom()); }

  Answers Attachment(int anx1) {
    return {{"anx-1", anx1}, {"anx-2", 4}, {"anx-3", 4}, {"anx-4", 4},
            {"av-1", 2},     {"av-2", 2},  {"av-3", 6},  {"av-4", 2}};
  }

  fakes::MemoryCheckinRepository repo_;
  FakeClock clock_{Instant{1'800'000'000'000}};
  CheckinService service_{repo_, clock_, 28};
  Questionnaire attachment_ = testing::SampleAttachment();
  Questionnaire signs_ = testing::SampleSigns();
};

TEST_F(CheckinServiceTest, SubmitScoresPlacesAndStores) {
  const auto r = service_.Submit(attachment_, "u1", Attachment(7), std::nullopt);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(r->created);
  const Checkin& c = r->result.checkin;
  EXPECT_EQ(c.questionnaire_id, "sample-attachment");
  EXPECT_EQ(c.questionnaire_version, 2);
  EXPECT_EQ(c.taken_at, clock_.Now());
  EXPECT_DOUBLE_EQ(*ScoreOf(c.scores, "anxiety"), 4.75);
  EXPECT_DOUBLE_EQ(*ScoreOf(c.scores, "avoidance"), 2.0);
  EXPECT_EQ(c.region, "anxious_preoccupied");
  EXPECT_FALSE(r->result.change);
  EXPECT_EQ(repo_.size(), 1u);
}

TEST_F(CheckinServiceTest, TheSameKeyGivesTheFirstResultAndStoresOnce) {
  const auto first = service_.Submit(attachment_, "u1", Attachment(7), "key-1");
  clock_.Advance(std::chrono::minutes(1));
  const auto again = service_.Submit(attachment_, "u1", Attachment(1), "key-1");
  ASSERT_TRUE(first && again);
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->result.checkin.id, first->result.checkin.id);
  EXPECT_EQ(again->result.checkin.scores, first->result.checkin.scores);
  EXPECT_EQ(repo_.size(), 1u);
  // Another learner's identical key is theirs alone.
  const auto other = service_.Submit(attachment_, "u2", Attachment(7), "key-1");
  ASSERT_TRUE(other);
  EXPECT_TRUE(other->created);
  EXPECT_EQ(repo_.size(), 2u);
}

TEST_F(CheckinServiceTest, RefusesABadKeyAndBadAnswers) {
  auto r = service_.Submit(attachment_, "u1", Attachment(7), std::string(129, 'k'));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields.at(0).field, "Idempotency-Key");
  r = service_.Submit(attachment_, "u1", Attachment(9), std::nullopt);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(repo_.size(), 0u);
}

TEST_F(CheckinServiceTest, HistoryIsNewestFirstWithChangeAgainstThePreviousOfTheSameKind) {
  ASSERT_TRUE(service_.Submit(attachment_, "u1", Attachment(7), std::nullopt));
  clock_.Advance(std::chrono::hours(1));
  Answers signs;
  for (const auto& item : signs_.items) signs[item.id] = 2;
  ASSERT_TRUE(service_.Submit(signs_, "u1", signs, std::nullopt));
  clock_.Advance(std::chrono::hours(1));
  ASSERT_TRUE(service_.Submit(attachment_, "u1", Attachment(3), std::nullopt));

  const auto all = service_.History({attachment_, signs_}, "u1", std::nullopt);
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].checkin.questionnaire_id, "sample-attachment");
  ASSERT_TRUE((*all)[0].change);
  EXPECT_DOUBLE_EQ((*all)[0].change->at(0).difference, -1.0);  // (7 − 3) / 4
  EXPECT_FALSE((*all)[0].change->at(0).rci);
  EXPECT_EQ((*all)[1].checkin.questionnaire_id, "sample-signs");
  EXPECT_FALSE((*all)[1].change);
  EXPECT_FALSE((*all)[2].change);

  const auto only = service_.History({attachment_, signs_}, "u1", "sample-signs");
  ASSERT_TRUE(only);
  EXPECT_EQ(only->size(), 1u);
  const auto theirs = service_.History({attachment_, signs_}, "u2", std::nullopt);
  ASSERT_TRUE(theirs);
  EXPECT_TRUE(theirs->empty());
}

TEST_F(CheckinServiceTest, GetIsOnlyForTheOwner) {
  const auto r = service_.Submit(attachment_, "u1", Attachment(7), std::nullopt);
  ASSERT_TRUE(r);
  EXPECT_TRUE(service_.Get({attachment_}, "u1", r->result.checkin.id));
  const auto other = service_.Get({attachment_}, "u2", r->result.checkin.id);
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::kNotFound);
}

TEST_F(CheckinServiceTest, ChangeUsesTheNormsWhenTheQuestionnaireHasThem) {
  const Questionnaire normed = testing::SampleAttachment(/*with_norms=*/true);
  ASSERT_TRUE(service_.Submit(normed, "u1", Attachment(7), std::nullopt));
  clock_.Advance(std::chrono::hours(1));
  const auto r = service_.Submit(normed, "u1", Attachment(1), std::nullopt);
  ASSERT_TRUE(r);
  ASSERT_TRUE(r->result.change);
  const SubscaleChange& anxiety = r->result.change->at(0);
  EXPECT_DOUBLE_EQ(anxiety.difference, -1.5);
  ASSERT_TRUE(anxiety.rci);
  EXPECT_NEAR(*anxiety.rci, -1.5 / 0.536656, 1e-5);
  EXPECT_TRUE(*anxiety.reliable);
}

TEST_F(CheckinServiceTest, PlanFollowsTheLatestSignsAndTheCadence) {
  auto plan = service_.PlanFor({attachment_, signs_}, {}, "u1");
  ASSERT_TRUE(plan);
  EXPECT_TRUE(plan->due.due);
  EXPECT_EQ(plan->signs.front().id, "fear_of_abandonment");

  Answers signs;
  for (const auto& item : signs_.items) signs[item.id] = 1;
  signs["rumination"] = 4;
  ASSERT_TRUE(service_.Submit(signs_, "u1", signs, std::nullopt));
  ASSERT_TRUE(service_.Submit(attachment_, "u1", Attachment(4), std::nullopt));
  plan = service_.PlanFor({attachment_, signs_}, {}, "u1");
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->signs.front().id, "rumination");
  EXPECT_FALSE(plan->due.due);
  EXPECT_EQ(plan->due.next_due, Instant{clock_.Now().millis + 28 * kDay});

  clock_.Advance(std::chrono::hours(24 * 28));
  plan = service_.PlanFor({attachment_, signs_}, {}, "u1");
  ASSERT_TRUE(plan);
  EXPECT_TRUE(plan->due.due);
}

}  // namespace
}  // namespace securebase::domain
