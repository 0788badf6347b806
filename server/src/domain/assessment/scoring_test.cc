#include "domain/assessment/scoring.h"

#include <gtest/gtest.h>

#include <random>

#include "support/sample_questionnaires.h"

namespace securebase::domain {
namespace {

using testing::SampleAttachment;

Answers AllAnswered(const Questionnaire& q, int value) {
  Answers a;
  for (const auto& item : q.items) a[item.id] = value;
  return a;
}

bool HasField(const Error& e, const std::string& field) {
  for (const auto& f : e.fields) {
    if (f.field == field) return true;
  }
  return false;
}

TEST(ScoringTest, GoldenCaseWithReverseKeys) {
  const Questionnaire q = SampleAttachment();
  // anxiety: 7, rev(3)=5, 4, rev(1)=7 → 23 / 4 = 5.75
  // avoidance: 2, 3, rev(6)=2, 1 → 8 / 4 = 2.0
  const Answers a{{"anx-1", 7}, {"anx-2", 3}, {"anx-3", 4}, {"anx-4", 1},
                  {"av-1", 2},  {"av-2", 3},  {"av-3", 6},  {"av-4", 1}};
  const auto scores = Score(q, a);
  ASSERT_TRUE(scores) << scores.error().message;
  ASSERT_EQ(scores->size(), 2u);
  EXPECT_EQ((*scores)[0].subscale, "anxiety");
  EXPECT_DOUBLE_EQ((*scores)[0].score, 5.75);
  EXPECT_EQ((*scores)[1].subscale, "avoidance");
  EXPECT_DOUBLE_EQ((*scores)[1].score, 2.0);
}

TEST(ScoringTest, AllMiddleAnswersScoreTheMidpointWhateverTheKeys) {
  const Questionnaire q = SampleAttachment();
  const auto scores = Score(q, AllAnswered(q, 4));
  ASSERT_TRUE(scores);
  EXPECT_DOUBLE_EQ(*ScoreOf(*scores, "anxiety"), 4.0);
  EXPECT_DOUBLE_EQ(*ScoreOf(*scores, "avoidance"), 4.0);
}

TEST(ScoringTest, SameAnswerEverywhereIsNotTheSameScoreWhenItemsAreReversed) {
  const Questionnaire q = SampleAttachment();
  const auto scores = Score(q, AllAnswered(q, 7));
  ASSERT_TRUE(scores);
  // anxiety: 7, 1, 7, 1 → 4; avoidance: 7, 7, 1, 7 → 5.5
  EXPECT_DOUBLE_EQ(*ScoreOf(*scores, "anxiety"), 4.0);
  EXPECT_DOUBLE_EQ(*ScoreOf(*scores, "avoidance"), 5.5);
}

TEST(ScoringTest, RefusesAMissingAnswerNamingTheItem) {
  const Questionnaire q = SampleAttachment();
  Answers a = AllAnswered(q, 3);
  a.erase("av-2");
  const auto scores = Score(q, a);
  ASSERT_FALSE(scores);
  EXPECT_EQ(scores.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(scores.error().message.find("av-2"), std::string::npos);
  ASSERT_EQ(scores.error().fields.size(), 1u);
  EXPECT_EQ(scores.error().fields[0].field, "answers.av-2");
}

TEST(ScoringTest, RefusesAnswersOffTheScale) {
  const Questionnaire q = SampleAttachment();
  for (int bad : {0, 8, -1, 100}) {
    Answers a = AllAnswered(q, 3);
    a["anx-3"] = bad;
    const auto scores = Score(q, a);
    ASSERT_FALSE(scores) << bad;
    EXPECT_EQ(scores.error().code, ErrorCode::kInvalidArgument);
    EXPECT_TRUE(HasField(scores.error(), "answers.anx-3"));
    EXPECT_NE(scores.error().message.find("from 1 to 7"), std::string::npos);
  }
}

TEST(ScoringTest, RefusesUnknownItemsAndReportsEveryProblemTogether) {
  const Questionnaire q = SampleAttachment();
  Answers a = AllAnswered(q, 3);
  a["anx-99"] = 3;
  a["av-1"] = 9;
  a.erase("anx-1");
  const auto scores = Score(q, a);
  ASSERT_FALSE(scores);
  EXPECT_EQ(scores.error().fields.size(), 3u);
  EXPECT_TRUE(HasField(scores.error(), "answers.anx-99"));
  EXPECT_TRUE(HasField(scores.error(), "answers.av-1"));
  EXPECT_TRUE(HasField(scores.error(), "answers.anx-1"));
  EXPECT_NE(scores.error().message.find("2 more answers"), std::string::npos);
}

TEST(ScoringTest, RefusesAnEmptySubmission) {
  const Questionnaire q = SampleAttachment();
  const auto scores = Score(q, {});
  ASSERT_FALSE(scores);
  EXPECT_EQ(scores.error().fields.size(), q.items.size());
}

// Property: answering every item the other way round (min + max − x)
// mirrors every subscale score about the midpoint, for any answers and any
// pattern of reverse keys.
TEST(ScoringTest, ReversingEveryAnswerMirrorsTheScores) {
  std::mt19937 gen(20240417);  // fixed: a failure must be reproducible
  for (int round = 0; round < 2000; ++round) {
    Questionnaire q = SampleAttachment();
    std::uniform_int_distribution<int> lo(-3, 3), span(1, 9), coin(0, 1);
    q.scale.min = lo(gen);
    q.scale.max = q.scale.min + span(gen);
    for (auto& item : q.items) item.reverse = coin(gen) == 1;
    std::uniform_int_distribution<int> answer(q.scale.min, q.scale.max);
    Answers a, mirrored;
    for (const auto& item : q.items) {
      a[item.id] = answer(gen);
      mirrored[item.id] = q.scale.min + q.scale.max - a[item.id];
    }
    const auto s = Score(q, a);
    const auto m = Score(q, mirrored);
    ASSERT_TRUE(s && m);
    for (std::size_t i = 0; i < s->size(); ++i) {
      EXPECT_NEAR((*m)[i].score, q.scale.min + q.scale.max - (*s)[i].score, 1e-9)
          << "round " << round << " subscale " << (*s)[i].subscale;
    }
  }
}

// Property: every score lies on the scale.
TEST(ScoringTest, ScoresStayOnTheScale) {
  std::mt19937 gen(7);
  const Questionnaire q = SampleAttachment();
  std::uniform_int_distribution<int> answer(1, 7);
  for (int round = 0; round < 1000; ++round) {
    Answers a;
    for (const auto& item : q.items) a[item.id] = answer(gen);
    const auto s = Score(q, a);
    ASSERT_TRUE(s);
    for (const auto& score : *s) {
      EXPECT_GE(score.score, 1.0);
      EXPECT_LE(score.score, 7.0);
    }
  }
}

}  // namespace
}  // namespace securebase::domain
