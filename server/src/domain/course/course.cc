#include "domain/course/course.h"

#include <cmath>

namespace securebase::domain {
namespace {

constexpr double kWordsPerMinute = 200.0;

}  // namespace

const char* PacingModeName(PacingMode mode) {
  switch (mode) {
    case PacingMode::kOpen: return "open";
    case PacingMode::kGentle: return "gentle";
  }
  return "open";
}

const char* LessonBlockKind(const LessonBlock& block) {
  struct Visitor {
    const char* operator()(const HtmlBlock&) const { return "html"; }
    const char* operator()(const PracticeBlock&) const { return "practice"; }
    const char* operator()(const PromptBlock&) const { return "prompt"; }
  };
  return std::visit(Visitor{}, block);
}

int ReadingMinutes(int word_count) {
  const int minutes = static_cast<int>(std::lround(word_count / kWordsPerMinute));
  return minutes < 1 ? 1 : minutes;
}

std::optional<LessonPlace> FindLesson(const Course& course, std::string_view lesson_id) {
  // Courses are a few dozen lessons: a linear walk keeps the neighbours simple.
  const Lesson* previous = nullptr;
  std::optional<LessonPlace> found;
  for (std::size_t m = 0; m < course.modules.size(); ++m) {
    const Module& module = course.modules[m];
    for (std::size_t l = 0; l < module.lessons.size(); ++l) {
      const Lesson* lesson = &module.lessons[l];
      if (found) {
        found->next = lesson;
        return found;
      }
      if (lesson->id == lesson_id) {
        found = LessonPlace{
            &module, lesson, previous, nullptr, static_cast<int>(m), static_cast<int>(l)};
      }
      previous = lesson;
    }
  }
  return found;
}

std::optional<CourseLesson> FindLesson(const std::vector<Course>& courses,
                                       std::string_view lesson_id) {
  for (const Course& course : courses) {
    if (auto place = FindLesson(course, lesson_id)) return CourseLesson{&course, *place};
  }
  return std::nullopt;
}

int LessonCount(const Course& course) {
  int n = 0;
  for (const Module& module : course.modules) n += static_cast<int>(module.lessons.size());
  return n;
}

}  // namespace securebase::domain
