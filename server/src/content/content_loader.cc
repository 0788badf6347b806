#include "content/content_loader.h"

#include <fmt/format.h>

#include <toml++/toml.h>
#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <variant>

#include "content/content_id.h"
#include "content/course_parser.h"
#include "content/course_validator.h"
#include "content/crisis_lines_parser.h"
#include "content/front_matter.h"
#include "content/practice_parser.h"
#include "content/questionnaire_parser.h"
#include "content/toml_fields.h"

namespace securebase::content {
namespace {

namespace fs = std::filesystem;

}  // namespace

std::optional<DocumentKind> DocumentKindOf(const fs::path& rel) {
  const auto parts = std::vector<fs::path>(rel.begin(), rel.end());
  const std::string top = parts.empty() ? "" : parts.front().string();
  const std::string name = rel.filename().string();
  const std::string ext = rel.extension().string();
  if (top == "course") {
    if (parts.size() == 3 && name == "course.toml") return DocumentKind::kCourse;
    if (parts.size() == 4 && name == "module.toml") return DocumentKind::kModule;
    if (parts.size() == 4 && ext == ".md") return DocumentKind::kLesson;
    return std::nullopt;
  }
  if (ext != ".toml" || parts.size() != 2) return std::nullopt;
  if (top == "questionnaires") return DocumentKind::kQuestionnaire;
  if (top == "practices") return DocumentKind::kPractice;
  if (top == "crisis") return DocumentKind::kCrisisLines;
  return std::nullopt;
}

namespace {

bool IsIgnored(const fs::path& rel) {
  const std::string name = rel.filename().string();
  return name.starts_with('.') || name == "README.md" || rel.extension() == ".txt";
}

std::string ReadFile(const fs::path& path, bool* ok) {
  std::ifstream in(path, std::ios::binary);
  *ok = static_cast<bool>(in);
  std::ostringstream s;
  s << in.rdbuf();
  return std::move(s).str();
}

class Loader {
 public:
  Loader(fs::path root, const ContentOverlay& overlay)
      : root_(std::move(root)), overlay_(overlay) {}

  ContentSet Run() {
    std::error_code ec;
    if (!fs::is_directory(root_, ec)) {
      Report(".", 0, fmt::format("the content folder {} does not exist", root_.string()));
      return std::move(set_);
    }
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(root_, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file()) files.push_back(fs::relative(it->path(), root_));
    }
    if (ec) Report(".", 0, "cannot list the content folder: " + ec.message());
    for (const auto& [rel, text] : overlay_) files.emplace_back(rel);
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    for (const auto& rel : files) {
      if (IsIgnored(rel)) continue;
      const auto kind = DocumentKindOf(rel);
      if (!kind) {
        Report(rel.generic_string(), 0,
               "this file is not in a place Secure Base reads content from; see docs/content.md");
        continue;
      }
      LoadOne(rel, *kind);
    }
    set_.courses = BuildCourses(std::move(courses_), PracticeIds(), set_.problems);
    NamePractices();
    return std::move(set_);
  }

 private:
  void Report(std::string file, int line, std::string message) {
    set_.problems.push_back(Problem{std::move(file), line, std::move(message)});
  }

  void LoadOne(const fs::path& rel, DocumentKind kind) {
    const std::string name = rel.generic_string();
    bool ok = true;
    const auto replaced = overlay_.find(name);
    const std::string text =
        replaced != overlay_.end() ? replaced->second : ReadFile(root_ / rel, &ok);
    ++set_.files_read;
    if (!ok) return Report(name, 0, "cannot be read");

    if (kind == DocumentKind::kCrisisLines) {
      auto country = ParseCrisisLines(text, name, set_.problems);
      if (!country) return;
      if (!seen_[kind].insert(country->country).second) {
        Report(name, 0, fmt::format("crisis lines for {} are defined twice", country->country));
      }
      set_.documents.push_back(Document{kind, country->country, country->name, rel, ""});
      set_.crisis_lines.push_back(std::move(*country));
      return;
    }
    if (kind == DocumentKind::kCourse || kind == DocumentKind::kModule ||
        kind == DocumentKind::kLesson) {
      return LoadCourseFile(rel, kind, text);
    }
    if (kind == DocumentKind::kQuestionnaire) return LoadQuestionnaire(rel, text);
    if (kind == DocumentKind::kPractice) return LoadPractice(rel, text);
    const auto table = ParseToml(text, name, 1, set_.problems);
    if (!table) return;
    TomlFields fields(*table, name, 1, set_.problems);
    Document doc{kind, fields.Text("id", true), fields.Text("title", true), rel, ""};
    if (!doc.id.empty()) CheckId(name, fields.LineOf("id"), kind, doc.id);
    set_.documents.push_back(std::move(doc));
  }

  // questionnaires/<id>.toml: parsed and checked whole; only a questionnaire
  // without problems joins the set.
  void LoadQuestionnaire(const fs::path& rel, const std::string& text) {
    const std::string name = rel.generic_string();
    auto parsed = ParseQuestionnaire(text, name, set_.problems);
    if (!parsed) return;
    domain::Questionnaire& q = parsed->questionnaire;
    CheckId(name, parsed->id_line, DocumentKind::kQuestionnaire, q.id);
    set_.documents.push_back(Document{DocumentKind::kQuestionnaire, q.id, q.title, rel, ""});
    set_.questionnaires.push_back(std::move(q));
  }

  // practices/<id>.toml: parsed and checked whole; only a practice without
  // problems joins the set (and the ids lessons may use).
  void LoadPractice(const fs::path& rel, const std::string& text) {
    const std::string name = rel.generic_string();
    auto parsed = ParsePractice(text, name, set_.problems);
    if (!parsed) return;
    domain::Practice& p = parsed->practice;
    CheckId(name, parsed->id_line, DocumentKind::kPractice, p.id);
    set_.documents.push_back(Document{DocumentKind::kPractice, p.id, p.title, rel, ""});
    set_.practices.push_back(std::move(p));
  }

  // course/<course>/course.toml, course/<course>/<module>/module.toml or
  // course/<course>/<module>/<lesson>.md: parsed here, checked across files
  // by BuildCourses once everything is read.
  void LoadCourseFile(const fs::path& rel, DocumentKind kind, const std::string& text) {
    const std::string name = rel.generic_string();
    const auto parts = std::vector<fs::path>(rel.begin(), rel.end());
    CourseFiles& course = courses_[(parts[0] / parts[1]).generic_string()];
    if (kind == DocumentKind::kCourse) {
      auto parsed = ParseCourseFile(text, name, set_.problems);
      if (!parsed) return;
      set_.documents.push_back(Document{kind, parsed->course.id, parsed->course.title, rel, ""});
      course.course = std::move(parsed);
      return;
    }
    ModuleFiles& module = course.modules[parts[2].string()];
    if (kind == DocumentKind::kModule) {
      auto parsed = ParseModuleFile(text, name, set_.problems);
      if (!parsed) return;
      set_.documents.push_back(Document{kind, parsed->module.id, parsed->module.title, rel, ""});
      module.module = std::move(parsed);
      return;
    }
    auto parsed = ParseLessonFile(text, name, set_.problems);
    if (!parsed) return;
    std::string error;
    int error_line = 0;
    const auto fm = SplitFrontMatter(text, &error, &error_line);
    set_.documents.push_back(
        Document{kind, parsed->lesson.id, parsed->lesson.title, rel, fm ? fm->body : ""});
    module.lessons.push_back(std::move(*parsed));
  }

  // Gives each embedded practice its title from the catalogue (an unknown id
  // has already been reported as a problem).
  void NamePractices() {
    for (auto& course : set_.courses) {
      for (auto& module : course.modules) {
        for (auto& lesson : module.lessons) {
          for (auto& block : lesson.blocks) {
            auto* embedded = std::get_if<domain::PracticeBlock>(&block);
            if (!embedded) continue;
            if (const auto* p = domain::FindPractice(set_.practices, embedded->practice_id)) {
              embedded->title = p->title;
            }
          }
        }
      }
    }
  }

  // The id of every practice file read: the catalogue is the only list of
  // practices a lesson may use.
  std::set<std::string, std::less<>> PracticeIds() const {
    std::set<std::string, std::less<>> ids;
    for (const auto& d : set_.documents) {
      if (d.kind == DocumentKind::kPractice && !d.id.empty()) ids.insert(d.id);
    }
    return ids;
  }

  // Ids are stable names used in URLs and in learners' saved progress:
  // lowercase letters, digits and single hyphens, unique within their kind.
  void CheckId(const std::string& file, int line, DocumentKind kind, const std::string& id) {
    if (!IsValidId(id)) Report(file, line, BadIdMessage(id));
    if (!seen_[kind].insert(id).second) {
      Report(file, line, fmt::format("the {} id '{}' is used twice", DocumentKindName(kind), id));
    }
  }

  fs::path root_;
  const ContentOverlay& overlay_;
  ContentSet set_;
  CourseTree courses_;
  std::map<DocumentKind, std::set<std::string>> seen_;
};

}  // namespace

const char* DocumentKindName(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::kCourse: return "course";
    case DocumentKind::kModule: return "module";
    case DocumentKind::kLesson: return "lesson";
    case DocumentKind::kQuestionnaire: return "questionnaire";
    case DocumentKind::kPractice: return "practice";
    case DocumentKind::kCrisisLines: return "crisis lines file";
  }
  return "document";
}

std::map<DocumentKind, int> ContentSet::CountByKind() const {
  std::map<DocumentKind, int> out;
  for (const auto& d : documents) ++out[d.kind];
  return out;
}

ContentSet LoadContent(const std::filesystem::path& root, const ContentOverlay& overlay) {
  return Loader(root, overlay).Run();
}

}  // namespace securebase::content
