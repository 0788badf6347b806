// Gentle pacing: when each module of a course opens for one learner.
//
// With open pacing every module is open. With gentle pacing the first
// module is open, and each later one opens `days_between_modules` days
// after the learner started the one before it (opened its first lesson).
// The pause is there to live with a module's practices before reading on,
// not to hold anyone back: a module the learner has already started stays
// open whatever the settings say later, and an edit that moves lessons
// around never closes what was open.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <vector>

#include "common/clock.h"
#include "domain/course/course.h"
#include "domain/course/lesson_progress.h"

namespace securebase::domain {

enum class ModuleState {
  kOpen,
  kWaiting,     // the previous module was started; opens at `opens_at`
  kNotStarted,  // waits for the learner to start the previous module
};

const char* ModuleStateName(ModuleState state);  // "open" | "waiting" | "locked"

struct ModuleAccess {
  ModuleState state = ModuleState::kOpen;
  std::optional<Instant> opens_at;    // kWaiting only
  std::optional<Instant> started_at;  // the first lesson of this module the learner opened
};

// One entry per module of `course`, in order. `progress` may hold rows for
// other courses and removed lessons; they are ignored.
std::vector<ModuleAccess> ModuleAccessFor(const Course& course,
                                          const std::vector<LessonProgress>& progress, Instant now);

}  // namespace securebase::domain
