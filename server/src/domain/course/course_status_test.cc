#include "domain/course/course_status.h"

#include <gtest/gtest.h>

#include "support/sample_course.h"

namespace securebase::domain {
namespace {

constexpr std::int64_t kT0 = 1'700'000'000'000;

LessonProgress Row(const std::string& lesson, std::int64_t updated, bool completed = false) {
  LessonProgress p{"u", lesson, Instant{kT0}, std::nullopt, 0.5, Instant{updated}};
  if (completed) p.completed_at = Instant{updated};
  return p;
}

std::string Continue(const CourseStatus& s) {
  return s.continue_lesson ? s.continue_lesson->id : "(none)";
}

class CourseStatusTest : public ::testing::Test {
 protected:
  Course course_ = testing::SampleCourse(PacingMode::kOpen);
};

TEST_F(CourseStatusTest, BeforeAnyReadingItContinuesWithTheFirstLesson) {
  const CourseStatus s = CourseStatusFor(course_, {}, Instant{kT0});
  EXPECT_FALSE(s.started);
  EXPECT_EQ(s.total, 6);
  EXPECT_EQ(s.completed, 0);
  EXPECT_EQ(Continue(s), "a1");
  EXPECT_EQ(s.continue_module, 0);
}

TEST_F(CourseStatusTest, ItContinuesWithTheLessonTouchedLastWhenUnfinished) {
  const CourseStatus s = CourseStatusFor(
      course_, {Row("a1", kT0 + 1, true), Row("b2", kT0 + 9), Row("a2", kT0 + 5)}, Instant{kT0});
  EXPECT_TRUE(s.started);
  EXPECT_EQ(Continue(s), "b2");
  EXPECT_EQ(s.continue_module, 1);
  EXPECT_EQ(s.completed, 1);
  EXPECT_EQ(s.modules[0].completed, 1);
  EXPECT_FALSE(s.modules[0].complete());
  EXPECT_TRUE(s.modules[0].lessons[1].opened());
  EXPECT_FALSE(s.modules[0].lessons[1].completed());
  EXPECT_FALSE(s.modules[2].lessons[0].opened());
}

TEST_F(CourseStatusTest, AfterCompletingALessonItContinuesWithTheNextUnfinishedOne) {
  const CourseStatus s = CourseStatusFor(
      course_, {Row("a1", kT0 + 1, true), Row("a2", kT0 + 2, true), Row("b1", kT0 + 3, true)},
      Instant{kT0});
  EXPECT_EQ(Continue(s), "b2");
  EXPECT_TRUE(s.modules[0].complete());
}

TEST_F(CourseStatusTest, AtTheEndItWrapsRoundToWhatWasSkipped) {
  const CourseStatus s =
      CourseStatusFor(course_, {Row("c2", kT0 + 9, true), Row("a1", kT0 + 1, true)}, Instant{kT0});
  EXPECT_EQ(Continue(s), "a2");
}

TEST_F(CourseStatusTest, ItPrefersASkippedLessonItCanReadOverOneThatMustWait) {
  const Course gentle = testing::SampleCourse(PacingMode::kGentle, 3);
  // a2 completed first thing; a1 never opened; module 2 waits three days.
  const CourseStatus s = CourseStatusFor(gentle, {Row("a2", kT0 + 1, true)}, Instant{kT0 + 2});
  EXPECT_EQ(Continue(s), "a1");

  // With every open lesson done, it names the next one even though it must wait.
  const CourseStatus waiting = CourseStatusFor(
      gentle, {Row("a1", kT0 + 1, true), Row("a2", kT0 + 2, true)}, Instant{kT0 + 3});
  EXPECT_EQ(Continue(waiting), "b1");
  EXPECT_EQ(waiting.modules[1].access.state, ModuleState::kWaiting);
}

TEST_F(CourseStatusTest, WhenEverythingIsCompleteThereIsNothingToContinue) {
  std::vector<LessonProgress> all;
  int t = 0;
  for (const char* id : {"a1", "a2", "b1", "b2", "c1", "c2"})
    all.push_back(Row(id, kT0 + ++t, true));
  const CourseStatus s = CourseStatusFor(course_, all, Instant{kT0});
  EXPECT_TRUE(s.complete());
  EXPECT_EQ(s.continue_lesson, nullptr);
}

TEST_F(CourseStatusTest, ProgressOnLessonsNoLongerInTheCourseIsIgnored) {
  const CourseStatus s =
      CourseStatusFor(course_, {Row("removed", kT0 + 50, true), Row("a1", kT0 + 1)}, Instant{kT0});
  EXPECT_EQ(s.completed, 0);
  EXPECT_EQ(Continue(s), "a1");
}

}  // namespace
}  // namespace securebase::domain
