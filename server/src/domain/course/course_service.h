// CourseService: the learner's side of the course. Reads the live catalog
// (domain/catalog/catalog.h) once per call and pairs it with the learner's
// progress and reflection answers.
//
// Every result that points into the content carries the snapshot it points
// into (`content`), so a reload during a request changes nothing under it.
//
// Rules enforced here: a lesson in a module that is not open yet (pacing.h)
// cannot be read or recorded; completion is only ever set by the learner;
// answers are sealed with the owner and the prompt as associated data, so a
// sealed answer copied to another row or person does not open.
//
// Thread-safety: safe from any thread (the repositories and SecretBox are).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/error.h"
#include "common/secret_box.h"
#include "domain/catalog/catalog.h"
#include "domain/course/course_status.h"
#include "domain/course/lesson_progress.h"
#include "domain/course/prompt_answer.h"

namespace securebase::domain {

// The longest reflection answer kept, in bytes of UTF-8 (a few pages).
inline constexpr std::size_t kMaxAnswerBytes = 20'000;

struct CourseOverview {
  std::shared_ptr<const PublishedContent> content;
  CourseStatus status;
};

struct LessonView {
  std::shared_ptr<const PublishedContent> content;
  const Course* course = nullptr;
  LessonPlace place;
  ModuleAccess access;                     // of the lesson's module
  bool next_open = false;                  // may place.next be read now?
  std::optional<LessonProgress> progress;  // none: never opened
};

// What the learner changed: either or both.
struct ProgressUpdate {
  std::optional<bool> completed;
  std::optional<double> position;  // 0..1
};

class CourseService {
 public:
  CourseService(const Catalog& catalog, LessonProgressRepository& progress,
                PromptAnswerRepository& answers, const SecretBox& box, const Clock& clock)
      : catalog_(catalog), progress_(progress), answers_(answers), box_(box), clock_(clock) {}

  Result<std::vector<CourseOverview>> Overviews(std::string_view user_id);
  Result<CourseOverview> Overview(std::string_view user_id, std::string_view course_id);

  // The lesson as the learner may read it now; kNotFound for an unknown id,
  // kPermissionDenied ("module-not-open") while its module is closed.
  Result<LessonView> Read(std::string_view user_id, std::string_view lesson_id);

  // Records opening (the first call sets opened_at), reading position and
  // completion. Returns the saved row.
  Result<LessonProgress> Record(std::string_view user_id, std::string_view lesson_id,
                                const ProgressUpdate& update);

  // The learner's answers in this lesson, by prompt id (prompts no longer in
  // the lesson are left out).
  Result<std::map<std::string, std::string>> Answers(std::string_view user_id,
                                                     std::string_view lesson_id);
  // Every answer the learner wrote in the lesson, whether or not its module
  // is open to them now (pacing may have changed since): for their own
  // download of everything held about them.
  Result<std::map<std::string, std::string>> WrittenAnswers(std::string_view user_id,
                                                            const Lesson& lesson);
  // Saves (or, for blank text, removes) the answer to one prompt.
  Status SaveAnswer(std::string_view user_id, std::string_view lesson_id,
                    std::string_view prompt_id, std::string_view text);

 private:
  const Catalog& catalog_;
  LessonProgressRepository& progress_;
  PromptAnswerRepository& answers_;
  const SecretBox& box_;
  const Clock& clock_;
};

}  // namespace securebase::domain
