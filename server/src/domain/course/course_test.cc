#include "domain/course/course.h"

#include <gtest/gtest.h>

#include <string>

#include "domain/course/sign_ids.h"

namespace securebase::domain {
namespace {

Lesson L(const std::string& id) {
  Lesson lesson;
  lesson.id = id;
  return lesson;
}

Course TwoModules() {
  Course course;
  course.id = "c";
  course.modules.push_back(Module{"m1", "M1", "", {L("a"), L("b")}});
  course.modules.push_back(Module{"m2", "M2", "", {}});
  course.modules.push_back(Module{"m3", "M3", "", {L("c")}});
  return course;
}

TEST(Course, ReadingMinutesAtAbout200WordsAMinute) {
  EXPECT_EQ(ReadingMinutes(0), 1);
  EXPECT_EQ(ReadingMinutes(50), 1);
  EXPECT_EQ(ReadingMinutes(299), 1);
  EXPECT_EQ(ReadingMinutes(300), 2);
  EXPECT_EQ(ReadingMinutes(1000), 5);
  EXPECT_EQ(ReadingMinutes(2450), 12);
}

TEST(Course, FindLessonGivesItsPlaceAndNeighboursAcrossModules) {
  const Course course = TwoModules();
  const auto b = FindLesson(course, "b");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->module->id, "m1");
  EXPECT_EQ(b->lesson->id, "b");
  EXPECT_EQ(b->previous->id, "a");
  ASSERT_NE(b->next, nullptr);
  EXPECT_EQ(b->next->id, "c");  // the empty module in between is skipped
  EXPECT_EQ(b->module_index, 0);
  EXPECT_EQ(b->lesson_index, 1);

  const auto a = FindLesson(course, "a");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->previous, nullptr);
  const auto c = FindLesson(course, "c");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->next, nullptr);
  EXPECT_EQ(c->module_index, 2);
  EXPECT_FALSE(FindLesson(course, "nope"));
}

TEST(Course, FindLessonAcrossCourses) {
  std::vector<Course> courses = {TwoModules(),
                                 Course{"d", "D", "", {}, {Module{"m", "M", "", {L("z")}}}}};
  const auto z = FindLesson(courses, "z");
  ASSERT_TRUE(z);
  EXPECT_EQ(z->course->id, "d");
  EXPECT_EQ(z->place.lesson->id, "z");
  EXPECT_FALSE(FindLesson(courses, "nope"));
  EXPECT_EQ(LessonCount(courses[0]), 3);
}

TEST(Course, BlockKindsAndPacingNames) {
  EXPECT_STREQ(LessonBlockKind(HtmlBlock{"<p>x</p>"}), "html");
  EXPECT_STREQ(LessonBlockKind(PracticeBlock{"box-breathing", "Box"}), "practice");
  EXPECT_STREQ(LessonBlockKind(PromptBlock{"p", "Why?"}), "prompt");
  EXPECT_STREQ(PacingModeName(PacingMode::kOpen), "open");
  EXPECT_STREQ(PacingModeName(PacingMode::kGentle), "gentle");
}

TEST(Course, KnownIds) {
  EXPECT_TRUE(IsSignId("rumination"));
  EXPECT_FALSE(IsSignId("worry"));
  EXPECT_EQ(kSignIds.size(), 8u);
}

}  // namespace
}  // namespace securebase::domain
