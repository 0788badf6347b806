// CourseWiring: the course's repositories on the open database and the
// learner's course service over the live catalog, kept alive while serving.
//
// Thread-safety: built once at start; the parts are then safe from any
// thread.
#pragma once

#include "common/clock.h"
#include "common/secret_box.h"
#include "domain/catalog/catalog.h"
#include "domain/course/course_service.h"
#include "storage/database.h"
#include "storage/sql_lesson_progress_repository.h"
#include "storage/sql_prompt_answer_repository.h"

namespace securebase::app {

struct CourseWiring {
  CourseWiring(storage::Database& db, const SecretBox& box, const Clock& clock,
               const domain::Catalog& catalog)
      : progress(db), answers(db), service(catalog, progress, answers, box, clock) {}

  storage::SqlLessonProgressRepository progress;
  storage::SqlPromptAnswerRepository answers;
  domain::CourseService service;
};

}  // namespace securebase::app
