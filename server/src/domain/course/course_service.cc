#include "domain/course/course_service.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "common/hex.h"
#include "domain/course/prompt_answer_sealing.h"

namespace securebase::domain {
namespace {

std::unexpected<Error> NoSuchCourse() {
  return NotFound("There is no course here by that name. It may have been renamed.");
}

std::unexpected<Error> NoSuchLesson() {
  return NotFound(
      "This lesson is not in the course any more. Your progress is safe: the course page "
      "shows where to go on.");
}

std::unexpected<Error> ModuleNotOpen() {
  return Refuse(ErrorCode::kPermissionDenied, "module-not-open",
                "This lesson's module isn't open yet. The course leaves a few days between "
                "modules so there is time to practise; the course page shows when it opens.");
}

bool IsBlank(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; });
}

bool HasPrompt(const domain::Lesson& lesson, std::string_view prompt_id) {
  return std::any_of(lesson.blocks.begin(), lesson.blocks.end(), [&](const LessonBlock& b) {
    const auto* prompt = std::get_if<PromptBlock>(&b);
    return prompt && prompt->id == prompt_id;
  });
}

}  // namespace

Result<std::vector<CourseOverview>> CourseService::Overviews(std::string_view user_id) {
  auto content = catalog_.Current();
  auto progress = progress_.ForUser(user_id);
  if (!progress) return std::unexpected(progress.error());
  const Instant now = clock_.Now();
  std::vector<CourseOverview> out;
  for (const domain::Course& course : content->courses) {
    out.push_back(CourseOverview{content, CourseStatusFor(course, *progress, now)});
  }
  return out;
}

Result<CourseOverview> CourseService::Overview(std::string_view user_id,
                                               std::string_view course_id) {
  auto content = catalog_.Current();
  const auto it = std::find_if(content->courses.begin(), content->courses.end(),
                               [&](const domain::Course& c) { return c.id == course_id; });
  if (it == content->courses.end()) return NoSuchCourse();
  auto progress = progress_.ForUser(user_id);
  if (!progress) return std::unexpected(progress.error());
  return CourseOverview{content, CourseStatusFor(*it, *progress, clock_.Now())};
}

Result<LessonView> CourseService::Read(std::string_view user_id, std::string_view lesson_id) {
  auto content = catalog_.Current();
  const auto found = FindLesson(content->courses, lesson_id);
  if (!found) return NoSuchLesson();
  auto progress = progress_.ForUser(user_id);
  if (!progress) return std::unexpected(progress.error());
  const auto access = ModuleAccessFor(*found->course, *progress, clock_.Now());
  const ModuleAccess& module_access = access[static_cast<std::size_t>(found->place.module_index)];
  if (module_access.state != ModuleState::kOpen) return ModuleNotOpen();
  LessonView view{content, found->course, found->place, module_access, false, std::nullopt};
  if (found->place.next) {
    const bool next_in_same_module =
        found->place.lesson_index + 1 < static_cast<int>(found->place.module->lessons.size());
    const std::size_t next_module =
        static_cast<std::size_t>(found->place.module_index) + (next_in_same_module ? 0 : 1);
    view.next_open = access[next_module].state == ModuleState::kOpen;
  }
  for (LessonProgress& p : *progress) {
    if (p.lesson_id == lesson_id) view.progress = std::move(p);
  }
  return view;
}

Result<LessonProgress> CourseService::Record(std::string_view user_id, std::string_view lesson_id,
                                             const ProgressUpdate& update) {
  if (update.position &&
      (!std::isfinite(*update.position) || *update.position < 0 || *update.position > 1)) {
    return InvalidArgument("The reading position must be between 0 and 1.",
                           {{"position", "must be a number from 0 to 1"}});
  }
  auto view = Read(user_id, lesson_id);
  if (!view) return std::unexpected(view.error());
  const Instant now = clock_.Now();
  LessonProgress row = view->progress.value_or(
      LessonProgress{std::string(user_id), std::string(lesson_id), now, std::nullopt, 0, now});
  if (update.position) row.position = *update.position;
  if (update.completed) {
    // Marking complete again keeps the first completion time.
    if (!*update.completed) {
      row.completed_at.reset();
    } else if (!row.completed_at) {
      row.completed_at = now;
    }
  }
  row.updated_at = now;
  if (auto ok = progress_.Save(row); !ok) return std::unexpected(ok.error());
  return row;
}

Result<std::map<std::string, std::string>> CourseService::Answers(std::string_view user_id,
                                                                  std::string_view lesson_id) {
  auto view = Read(user_id, lesson_id);
  if (!view) return std::unexpected(view.error());
  return WrittenAnswers(user_id, *view->place.lesson);
}

Result<std::map<std::string, std::string>> CourseService::WrittenAnswers(std::string_view user_id,
                                                                         const Lesson& lesson) {
  auto sealed = answers_.ForLesson(user_id, lesson.id);
  if (!sealed) return std::unexpected(sealed.error());
  std::map<std::string, std::string> out;
  for (const SealedPromptAnswer& a : *sealed) {
    if (!HasPrompt(lesson, a.prompt_id)) continue;
    auto bytes = FromHex(a.sealed_text);
    if (!bytes) return Internal("A stored reflection answer is not hex.");
    auto text = box_.Open(*bytes, PromptAnswerAd(lesson.id, a.prompt_id, user_id));
    if (!text) return std::unexpected(text.error());
    out.emplace(a.prompt_id, std::move(*text));
  }
  return out;
}

Status CourseService::SaveAnswer(std::string_view user_id, std::string_view lesson_id,
                                 std::string_view prompt_id, std::string_view text) {
  if (text.size() > kMaxAnswerBytes) {
    return InvalidArgument(
        "That answer is longer than this space can keep (about 20,000 characters). The "
        "journal is the place for longer writing.",
        {{"text", "is too long"}});
  }
  auto view = Read(user_id, lesson_id);
  if (!view) return std::unexpected(view.error());
  if (!HasPrompt(*view->place.lesson, prompt_id)) {
    return NotFound("This lesson has no question by that name. It may have been edited.");
  }
  if (IsBlank(text)) return answers_.Delete(user_id, lesson_id, prompt_id);
  auto sealed = box_.Seal(text, PromptAnswerAd(lesson_id, prompt_id, user_id));
  if (!sealed) return std::unexpected(sealed.error());
  return answers_.Save(SealedPromptAnswer{std::string(user_id), std::string(lesson_id),
                                          std::string(prompt_id), ToHex(*sealed), clock_.Now()});
}

}  // namespace securebase::domain
