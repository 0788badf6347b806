#include "api/console_content_json.h"

#include <boost/json/value.hpp>

#include "api/course_json.h"
#include "common/rfc3339.h"

namespace securebase::api {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

// The file a part came from; empty when the set was read without it.
std::string FileOf(const domain::PublishedContent& content, std::string_view kind,
                   std::string_view id) {
  for (const auto& s : content.sources) {
    if (s.kind == kind && s.id == id) return s.file;
  }
  return "";
}

object Part(std::string_view id, std::string_view title, std::string_view file) {
  return {{"id", id}, {"title", title}, {"file", file}};
}

array PartsOfKind(const domain::PublishedContent& content, std::string_view kind) {
  array out;
  for (const auto& s : content.sources) {
    if (s.kind == kind) out.push_back(Part(s.id, s.title, s.file));
  }
  return out;
}

}  // namespace

object EncodeServedContent(const domain::PublishedContent& content) {
  return {{"revision", content.revision.empty() ? value(nullptr) : value(content.revision)},
          {"loaded_at", Rfc3339(content.loaded_at)}};
}

object EncodeContentTree(const domain::PublishedContent& content) {
  object out = EncodeServedContent(content);
  array courses;
  for (const auto& course : content.courses) {
    array modules;
    for (const auto& module : course.modules) {
      array lessons;
      for (const auto& lesson : module.lessons) {
        lessons.push_back(Part(lesson.id, lesson.title, lesson.source_file));
      }
      object m = Part(module.id, module.title, FileOf(content, "module", module.id));
      m["lessons"] = std::move(lessons);
      modules.push_back(std::move(m));
    }
    object c = Part(course.id, course.title, FileOf(content, "course", course.id));
    c["modules"] = std::move(modules);
    courses.push_back(std::move(c));
  }
  out["courses"] = std::move(courses);
  out["practices"] = PartsOfKind(content, "practice");
  out["questionnaires"] = PartsOfKind(content, "questionnaire");
  out["crisis_lines"] = PartsOfKind(content, "crisis-lines");
  return out;
}

array EncodeContentProblems(const std::vector<domain::ContentProblem>& problems) {
  array out;
  for (const auto& p : problems) {
    out.push_back({{"file", p.file},
                   {"line", p.line > 0 ? value(p.line) : value(nullptr)},
                   {"message", p.message}});
  }
  return out;
}

value EncodeLessonPreview(const std::shared_ptr<const domain::PublishedContent>& set,
                          std::string_view file) {
  for (const auto& course : set->courses) {
    for (const auto& module : course.modules) {
      for (const auto& lesson : module.lessons) {
        if (lesson.source_file != file) continue;
        auto place = domain::FindLesson(course, lesson.id);
        if (!place) return nullptr;
        domain::LessonView view{set, &course, *place, {}, true, std::nullopt};
        return EncodeLesson(view);
      }
    }
  }
  return nullptr;
}

}  // namespace securebase::api
