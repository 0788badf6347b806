// A learner's progress through lessons: when each lesson was first opened,
// whether they marked it complete, and how far they had read. One row per
// learner and lesson id; the id is the lesson's stable id from its front
// matter, so progress survives edits, reordering and moves between modules.
// Rows for lessons that no longer exist are kept and simply ignored.
//
// Implementations: storage/sql_lesson_progress_repository (SQLite,
// PostgreSQL) and tests/fakes/memory_lesson_progress_repository; one
// contract suite.
//
// Thread-safety: implementations are safe to call from several threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/error.h"

namespace securebase::domain {

struct LessonProgress {
  std::string user_id;
  std::string lesson_id;
  Instant opened_at;                    // the first time the lesson was opened
  std::optional<Instant> completed_at;  // set only when the learner says so
  double position = 0;                  // how far read, 0..1 (a fraction survives edits)
  Instant updated_at;                   // the last change: "continue where you left off"
};

class LessonProgressRepository {
 public:
  virtual ~LessonProgressRepository() = default;

  virtual Result<std::vector<LessonProgress>> ForUser(std::string_view user_id) = 0;
  virtual Result<std::optional<LessonProgress>> Find(std::string_view user_id,
                                                     std::string_view lesson_id) = 0;
  // Inserts or replaces the row for (user_id, lesson_id).
  virtual Status Save(const LessonProgress& progress) = 0;
};

}  // namespace securebase::domain
