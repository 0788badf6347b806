// Where one learner stands in one course: per lesson opened/completed, per
// module its access (pacing.h) and completion, the course's completion, and
// the lesson to continue with. A pure function of the course, the learner's
// progress rows and the time.
//
// "Continue where you left off" is the lesson touched last, unless it was
// completed: then the next lesson not yet completed, in course order (from
// the start again if everything after it is done), preferring one in an open
// module over one that has to wait. Before any progress it is the first
// lesson; when every lesson is complete there is none.
//
// Thread-safety: pure; the result points into `course`.
#pragma once

#include <optional>
#include <vector>

#include "common/clock.h"
#include "domain/course/course.h"
#include "domain/course/lesson_progress.h"
#include "domain/course/pacing.h"

namespace securebase::domain {

struct LessonStatus {
  const Lesson* lesson = nullptr;
  std::optional<LessonProgress> progress;  // none: never opened

  bool opened() const { return progress.has_value(); }
  bool completed() const { return progress && progress->completed_at.has_value(); }
};

struct ModuleStatus {
  const Module* module = nullptr;
  ModuleAccess access;
  std::vector<LessonStatus> lessons;
  int completed = 0;

  bool complete() const { return completed == static_cast<int>(lessons.size()); }
};

struct CourseStatus {
  const Course* course = nullptr;
  std::vector<ModuleStatus> modules;
  int completed = 0;
  int total = 0;
  bool started = false;
  const Lesson* continue_lesson = nullptr;  // nullptr when every lesson is complete
  int continue_module = 0;                  // index of continue_lesson's module

  bool complete() const { return total > 0 && completed == total; }
};

CourseStatus CourseStatusFor(const Course& course, const std::vector<LessonProgress>& progress,
                             Instant now);

}  // namespace securebase::domain
