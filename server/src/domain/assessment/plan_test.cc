#include "domain/assessment/plan.h"

#include <gtest/gtest.h>

#include "domain/assessment/cadence.h"
#include "domain/course/sign_ids.h"

namespace securebase::domain {
namespace {

Lesson MakeLesson(std::string id, std::vector<std::string> signs) {
  Lesson l;
  l.id = id;
  l.title = "Title of " + id;
  l.signs = std::move(signs);
  return l;
}

std::vector<Course> SampleCourses() {
  Course c;
  c.id = "heal";
  Module m1;
  m1.lessons = {MakeLesson("why-we-worry", {"fear_of_abandonment", "rumination"}),
                MakeLesson("the-body-knows", {"emotional_regulation"})};
  Module m2;
  m2.lessons = {MakeLesson("asking-once", {"need_for_reassurance", "fear_of_abandonment"})};
  c.modules = {m1, m2};
  return {c};
}

std::vector<std::string> Ids(const std::vector<PlanSign>& plan) {
  std::vector<std::string> out;
  for (const auto& s : plan) out.push_back(s.id);
  return out;
}

TEST(PlanTest, RanksSignsByScoreAndBreaksTiesInSignOrder) {
  const Scores scores{{"fear_of_abandonment", 2},    {"need_for_reassurance", 4},
                      {"sensitivity_to_changes", 1}, {"jealousy_insecurity", 2},
                      {"emotional_regulation", 3},   {"clinging", 0},
                      {"fear_of_being_alone", 4},    {"rumination", 2}};
  const auto plan = BuildPlan(scores, SampleCourses());
  EXPECT_EQ(Ids(plan), (std::vector<std::string>{"need_for_reassurance", "fear_of_being_alone",
                                                 "emotional_regulation", "fear_of_abandonment",
                                                 "jealousy_insecurity", "rumination",
                                                 "sensitivity_to_changes", "clinging"}));
  EXPECT_EQ(plan[0].score, 4.0);
  EXPECT_EQ(plan.back().score, 0.0);
}

TEST(PlanTest, MapsEachSignToTheLessonsThatNameItInCourseOrder) {
  const auto plan = BuildPlan({}, SampleCourses());
  ASSERT_EQ(plan.size(), 8u);
  const PlanSign& fear = plan[0];
  EXPECT_EQ(fear.id, "fear_of_abandonment");
  ASSERT_EQ(fear.lessons.size(), 2u);
  EXPECT_EQ(fear.lessons[0].id, "why-we-worry");
  EXPECT_EQ(fear.lessons[0].title, "Title of why-we-worry");
  EXPECT_EQ(fear.lessons[0].course_id, "heal");
  EXPECT_EQ(fear.lessons[1].id, "asking-once");
  EXPECT_TRUE(fear.practices.empty());
}

TEST(PlanTest, MapsEachSignToThePracticesThatNameItInCatalogueOrder) {
  Practice sigh;
  sigh.id = "cyclic-sighing";
  sigh.title = "The double sigh";
  sigh.signs = {"emotional_regulation", "rumination"};
  Practice alone;
  alone.id = "time-alone";
  alone.title = "Small steps of time alone";
  alone.signs = {"fear_of_being_alone"};
  const auto plan = BuildPlan(Scores{{"rumination", 4}}, {}, {sigh, alone});
  ASSERT_EQ(plan[0].id, "rumination");
  ASSERT_EQ(plan[0].practices.size(), 1u);
  EXPECT_EQ(plan[0].practices[0].id, "cyclic-sighing");
  EXPECT_EQ(plan[0].practices[0].title, "The double sigh");
  for (const auto& s : plan) {
    if (s.id == "fear_of_being_alone") {
      ASSERT_EQ(s.practices.size(), 1u);
      EXPECT_EQ(s.practices[0].id, "time-alone");
    }
    if (s.id == "clinging") {
      EXPECT_TRUE(s.practices.empty());
    }
  }
}

TEST(PlanTest, BeforeAnyCheckinEverySignInSignOrderWithoutScores) {
  const auto plan = BuildPlan({}, SampleCourses());
  std::vector<std::string> expected(kSignIds.begin(), kSignIds.end());
  EXPECT_EQ(Ids(plan), expected);
  for (const auto& s : plan) EXPECT_FALSE(s.score);
}

TEST(PlanTest, NothingInventedWithoutCourses) {
  const auto plan = BuildPlan(Scores{{"clinging", 3}}, {});
  ASSERT_EQ(plan.size(), 8u);
  EXPECT_EQ(plan[0].id, "clinging");
  for (const auto& s : plan) {
    EXPECT_TRUE(s.lessons.empty());
    EXPECT_TRUE(s.practices.empty());
  }
}

constexpr std::int64_t kDay = 24LL * 60 * 60 * 1000;
constexpr Instant kT0{1'800'000'000'000};

TEST(CadenceTest, DueWhenNeverTaken) {
  const auto due = CheckinDueAt({std::nullopt, std::nullopt}, kT0, 28);
  EXPECT_TRUE(due.due);
  EXPECT_FALSE(due.last_checkin_at);
  EXPECT_FALSE(due.next_due);
}

TEST(CadenceTest, DueWhenOnePartWasNeverTaken) {
  const auto due = CheckinDueAt({Instant{kT0.millis - kDay}, std::nullopt}, kT0, 28);
  EXPECT_TRUE(due.due);
  EXPECT_EQ(due.last_checkin_at, Instant{kT0.millis - kDay});
  EXPECT_FALSE(due.next_due);
}

TEST(CadenceTest, OfferedAgainAfterTheCadenceFromTheOlderPart) {
  const Instant older{kT0.millis - 10 * kDay};
  const Instant newer{kT0.millis - 2 * kDay};
  auto due = CheckinDueAt({newer, older}, kT0, 28);
  EXPECT_FALSE(due.due);
  EXPECT_EQ(due.last_checkin_at, newer);
  EXPECT_EQ(due.next_due, Instant{older.millis + 28 * kDay});
  due = CheckinDueAt({newer, older}, Instant{older.millis + 28 * kDay - 1}, 28);
  EXPECT_FALSE(due.due);
  due = CheckinDueAt({newer, older}, Instant{older.millis + 28 * kDay}, 28);
  EXPECT_TRUE(due.due);
}

TEST(CadenceTest, TheCadenceIsConfigurable) {
  const auto due = CheckinDueAt({Instant{kT0.millis - 8 * kDay}}, kT0, 7);
  EXPECT_TRUE(due.due);
  EXPECT_EQ(due.next_due, Instant{kT0.millis - kDay});
}

}  // namespace
}  // namespace securebase::domain
