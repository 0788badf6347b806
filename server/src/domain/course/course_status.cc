#include "domain/course/course_status.h"

#include <map>
#include <string>

namespace securebase::domain {
namespace {

struct Position {
  int module = 0;
  const LessonStatus* status = nullptr;
};

// The first lesson not yet completed at or after `start` in course order,
// wrapping round to the beginning, preferring one that can be read now;
// nullptr when all are complete.
const Position* FirstIncomplete(const std::vector<Position>& order, std::size_t start,
                                const std::vector<ModuleStatus>& modules) {
  const Position* closed = nullptr;
  for (std::size_t n = 0; n < order.size(); ++n) {
    const Position& p = order[(start + n) % order.size()];
    if (p.status->completed()) continue;
    if (modules[static_cast<std::size_t>(p.module)].access.state == ModuleState::kOpen) return &p;
    if (!closed) closed = &p;
  }
  return closed;
}

}  // namespace

CourseStatus CourseStatusFor(const Course& course, const std::vector<LessonProgress>& progress,
                             Instant now) {
  std::map<std::string, const LessonProgress*, std::less<>> by_lesson;
  for (const LessonProgress& p : progress) by_lesson.emplace(p.lesson_id, &p);

  CourseStatus out;
  out.course = &course;
  const std::vector<ModuleAccess> access = ModuleAccessFor(course, progress, now);
  out.modules.reserve(course.modules.size());
  for (std::size_t m = 0; m < course.modules.size(); ++m) {
    ModuleStatus module{&course.modules[m], access[m], {}, 0};
    for (const Lesson& lesson : course.modules[m].lessons) {
      LessonStatus status{&lesson, std::nullopt};
      if (auto it = by_lesson.find(lesson.id); it != by_lesson.end()) status.progress = *it->second;
      if (status.completed()) ++module.completed;
      out.started = out.started || status.opened();
      module.lessons.push_back(std::move(status));
    }
    out.completed += module.completed;
    out.total += static_cast<int>(module.lessons.size());
    out.modules.push_back(std::move(module));
  }

  // Course order, and the lesson touched last.
  std::vector<Position> order;
  std::size_t last = 0;
  const LessonStatus* last_status = nullptr;
  for (std::size_t m = 0; m < out.modules.size(); ++m) {
    for (const LessonStatus& s : out.modules[m].lessons) {
      if (s.progress &&
          (!last_status || s.progress->updated_at > last_status->progress->updated_at)) {
        last = order.size();
        last_status = &s;
      }
      order.push_back(Position{static_cast<int>(m), &s});
    }
  }
  if (order.empty()) return out;

  const Position* next = nullptr;
  if (!last_status) {
    next = &order.front();
  } else if (!last_status->completed()) {
    next = &order[last];
  } else {
    next = FirstIncomplete(order, last + 1, out.modules);
  }
  if (next) {
    out.continue_lesson = next->status->lesson;
    out.continue_module = next->module;
  }
  return out;
}

}  // namespace securebase::domain
