#include "api/course_json.h"

#include <variant>

#include "common/rfc3339.h"

namespace securebase::api {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

object EncodeAccess(const domain::ModuleAccess& access) {
  object out{{"state", domain::ModuleStateName(access.state)},
             {"opens_at", access.opens_at ? value(Rfc3339(*access.opens_at)) : value(nullptr)}};
  return out;
}

object EncodeBlock(const domain::LessonBlock& block) {
  struct Visitor {
    object operator()(const domain::HtmlBlock& b) const {
      return {{"kind", "html"}, {"html", b.html}};
    }
    object operator()(const domain::PracticeBlock& b) const {
      return {{"kind", "practice"}, {"practice_id", b.practice_id}, {"title", b.title}};
    }
    object operator()(const domain::PromptBlock& b) const {
      return {{"kind", "prompt"}, {"id", b.id}, {"text", b.text}};
    }
  };
  return std::visit(Visitor{}, block);
}

array Strings(const std::vector<std::string>& items) {
  array out;
  for (const auto& s : items) out.emplace_back(s);
  return out;
}

value Neighbour(const domain::Lesson* lesson) {
  if (!lesson) return nullptr;
  return object{{"id", lesson->id}, {"title", lesson->title}};
}

}  // namespace

object EncodeProgress(const domain::LessonProgress& p) {
  return {{"opened_at", Rfc3339(p.opened_at)},
          {"completed_at", p.completed_at ? value(Rfc3339(*p.completed_at)) : value(nullptr)},
          {"position", p.position},
          {"updated_at", Rfc3339(p.updated_at)}};
}

object EncodeCourse(const domain::CourseStatus& s, bool with_modules) {
  const domain::Course& course = *s.course;
  object out{{"id", course.id},
             {"title", course.title},
             {"summary", course.summary},
             {"pacing", object{{"mode", domain::PacingModeName(course.pacing.mode)},
                               {"days_between_modules", course.pacing.days_between_modules}}},
             {"lesson_count", s.total},
             {"completed_count", s.completed},
             {"started", s.started},
             {"complete", s.complete()}};
  if (s.continue_lesson) {
    const domain::ModuleStatus& m = s.modules[static_cast<std::size_t>(s.continue_module)];
    object next{{"lesson_id", s.continue_lesson->id},
                {"title", s.continue_lesson->title},
                {"module_id", m.module->id},
                {"module_title", m.module->title}};
    for (auto& [k, v] : EncodeAccess(m.access)) next[k] = v;
    out["continue"] = std::move(next);
  } else {
    out["continue"] = nullptr;
  }
  if (!with_modules) return out;

  array modules;
  for (const domain::ModuleStatus& m : s.modules) {
    array lessons;
    for (const domain::LessonStatus& l : m.lessons) {
      lessons.push_back(object{{"id", l.lesson->id},
                               {"title", l.lesson->title},
                               {"summary", l.lesson->summary},
                               {"minutes", l.lesson->minutes},
                               {"reading_minutes", l.lesson->reading_minutes},
                               {"opened", l.opened()},
                               {"completed", l.completed()}});
    }
    object module{{"id", m.module->id},
                  {"title", m.module->title},
                  {"summary", m.module->summary},
                  {"lesson_count", static_cast<int>(m.lessons.size())},
                  {"completed_count", m.completed},
                  {"complete", m.complete()},
                  {"lessons", std::move(lessons)}};
    for (auto& [k, v] : EncodeAccess(m.access)) module[k] = v;
    modules.push_back(std::move(module));
  }
  out["modules"] = std::move(modules);
  return out;
}

object EncodeLesson(const domain::LessonView& v) {
  const domain::Lesson& lesson = *v.place.lesson;
  array blocks;
  for (const auto& b : lesson.blocks) blocks.push_back(EncodeBlock(b));
  value next = Neighbour(v.place.next);
  if (next.is_object()) next.as_object()["open"] = v.next_open;
  return {{"id", lesson.id},
          {"title", lesson.title},
          {"summary", lesson.summary},
          {"aim", lesson.aim},
          {"minutes", lesson.minutes},
          {"reading_minutes", lesson.reading_minutes},
          {"signs", Strings(lesson.signs)},
          {"practices", Strings(lesson.practices)},
          {"course", object{{"id", v.course->id}, {"title", v.course->title}}},
          {"module", object{{"id", v.place.module->id},
                            {"title", v.place.module->title},
                            {"number", v.place.module_index + 1},
                            {"lesson_number", v.place.lesson_index + 1},
                            {"lesson_count", static_cast<int>(v.place.module->lessons.size())}}},
          {"blocks", std::move(blocks)},
          {"previous", Neighbour(v.place.previous)},
          {"next", std::move(next)},
          {"progress", v.progress ? value(EncodeProgress(*v.progress)) : value(nullptr)}};
}

}  // namespace securebase::api
