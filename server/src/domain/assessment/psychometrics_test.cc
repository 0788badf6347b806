#include "domain/assessment/psychometrics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace securebase::domain {
namespace {

// Three items on a 1-5 scale, the third reverse-keyed, and a one-item part.
Questionnaire Fixture() {
  Questionnaire q;
  q.id = "fixture";
  q.scale = {1, 5, {}};
  q.subscales = {{"closeness", "Closeness", std::nullopt}, {"single", "Single", std::nullopt}};
  q.items = {{"a", "", "closeness", false},
             {"b", "", "closeness", false},
             {"c", "", "closeness", true},
             {"d", "", "single", false}};
  return q;
}

Checkin Answered(std::string user, long long at, int a, int b, int c, int d = 3) {
  Checkin checkin;
  checkin.id = user + "-" + std::to_string(at);
  checkin.user_id = std::move(user);
  checkin.questionnaire_id = "fixture";
  checkin.taken_at = Instant{at};
  checkin.answers = {{"a", a}, {"b", b}, {"c", c}, {"d", d}};
  return checkin;
}

// Ten people each of three patterns. Keyed (c turned round: 6 - c), the
// rows are (1,2,1), (3,3,4), (5,4,4): subscale scores 4/3, 10/3, 13/3.
// By hand:
//   mean  = (4/3 + 10/3 + 13/3) / 3 = 3
//   SD    = sqrt(10 * ((5/3)^2 + (1/3)^2 + (4/3)^2) / 29) = sqrt(140/87)
//   item sums of squares 80, 20, 60; totals 4, 10, 13 give 420;
//   alpha = 3/2 * (1 - 160/420) = 13/14
std::vector<Checkin> ThirtyPeople() {
  std::vector<Checkin> all;
  for (int i = 0; i < 10; ++i) {
    all.push_back(Answered("p" + std::to_string(i), 1000, 1, 2, 5));
    all.push_back(Answered("q" + std::to_string(i), 1000, 3, 3, 2));
    all.push_back(Answered("r" + std::to_string(i), 1000, 5, 4, 2));
  }
  return all;
}

TEST(Psychometrics, MatchesTheHandComputedFixture) {
  const auto result = PsychometricsOf(Fixture(), ThirtyPeople());
  EXPECT_EQ(result.people, 30);
  ASSERT_EQ(result.subscales.size(), 2u);
  const auto& closeness = result.subscales[0];
  EXPECT_EQ(closeness.subscale, "closeness");
  EXPECT_EQ(closeness.items, 3);
  EXPECT_EQ(closeness.n, 30);
  ASSERT_TRUE(closeness.statistics);
  EXPECT_NEAR(closeness.statistics->mean, 3.0, 1e-12);
  EXPECT_NEAR(closeness.statistics->sd, std::sqrt(140.0 / 87.0), 1e-12);
  ASSERT_TRUE(closeness.statistics->alpha);
  EXPECT_NEAR(*closeness.statistics->alpha, 13.0 / 14.0, 1e-12);
  EXPECT_EQ(closeness.meaning, AlphaMeaning(13.0 / 14.0));
}

TEST(Psychometrics, AOneItemPartOrAnswersThatNeverVaryHaveNoAlpha) {
  const auto result = PsychometricsOf(Fixture(), ThirtyPeople());
  const auto& single = result.subscales[1];
  EXPECT_EQ(single.n, 30);
  ASSERT_TRUE(single.statistics);
  EXPECT_NEAR(single.statistics->mean, 3.0, 1e-12);
  EXPECT_NEAR(single.statistics->sd, 0.0, 1e-12);
  EXPECT_FALSE(single.statistics->alpha);
  EXPECT_EQ(single.meaning, AlphaMeaning(std::nullopt));

  std::vector<Checkin> same;
  for (int i = 0; i < 30; ++i) same.push_back(Answered("s" + std::to_string(i), 1, 2, 2, 4));
  EXPECT_FALSE(PsychometricsOf(Fixture(), same).subscales[0].statistics->alpha);
}

TEST(Psychometrics, BelowThirtyPeopleOnlyTheCountIsGiven) {
  auto people = ThirtyPeople();
  people.pop_back();
  const auto result = PsychometricsOf(Fixture(), people);
  EXPECT_EQ(result.subscales[0].n, 29);
  EXPECT_FALSE(result.subscales[0].statistics);
  EXPECT_NE(result.subscales[0].meaning.find("30 people"), std::string::npos);
}

TEST(Psychometrics, EachPersonCountsOnceWithTheirLatestCheckIn) {
  auto people = ThirtyPeople();
  // p0 checked in twice before (answers unlike anyone's), and then as above:
  // only the latest counts, so the figures are those of the fixture.
  people.push_back(Answered("p0", 10, 5, 5, 1));
  people.push_back(Answered("p0", 999, 4, 1, 3));
  // Another questionnaire's check-ins are not counted at all.
  Checkin other = Answered("z", 1000, 1, 1, 1);
  other.questionnaire_id = "another";
  people.push_back(other);
  const auto result = PsychometricsOf(Fixture(), people);
  EXPECT_EQ(result.people, 30);
  EXPECT_EQ(result.subscales[0].n, 30);
  EXPECT_NEAR(*result.subscales[0].statistics->alpha, 13.0 / 14.0, 1e-12);
}

TEST(Psychometrics, ACheckInMissingAnItemOfAPartIsLeftOutOfThatPartOnly) {
  auto people = ThirtyPeople();
  Checkin older = Answered("old", 1000, 1, 1, 1, 5);
  older.answers.erase("b");  // an earlier version had no item b
  people.push_back(older);
  const auto result = PsychometricsOf(Fixture(), people);
  EXPECT_EQ(result.people, 31);
  EXPECT_EQ(result.subscales[0].n, 30);
  EXPECT_EQ(result.subscales[1].n, 31);
}

TEST(Psychometrics, TheMeaningFollowsAlpha) {
  EXPECT_NE(AlphaMeaning(0.95).find("very closely"), std::string::npos);
  EXPECT_NE(AlphaMeaning(0.85).find("agree well"), std::string::npos);
  EXPECT_NE(AlphaMeaning(0.75).find("fairly"), std::string::npos);
  EXPECT_NE(AlphaMeaning(0.4).find("loosely"), std::string::npos);
}

}  // namespace
}  // namespace securebase::domain
