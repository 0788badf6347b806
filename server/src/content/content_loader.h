// Content loading: the data files under content/ (course, questionnaires,
// practices, crisis lines) are read and validated when the server starts and
// by `securebase content check`.
//
//   content/course/<course>/course.toml
//   content/course/<course>/<NN-module>/module.toml
//   content/course/<course>/<NN-module>/<NN-lesson>.md   (TOML front matter between +++ lines)
//   content/questionnaires/*.toml  content/practices/*.toml
//   content/crisis/<cc>.toml   (crisis_lines_parser.h)
//
// Practice files are parsed and checked by practice_parser.h.
// Course files are parsed by course_parser.h, their Markdown rendered by
// lesson_renderer.h and the whole checked by course_validator.h.
//
// Every problem names its file and line so the person editing it can go
// straight there. Loading collects all problems instead of stopping at the
// first. The feature issues (course, check-in, practices, safety) add their
// own rules on top of this shared reading layer.
//
// Thread-safety: a pure function of the files; call from any thread.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "content/problem.h"
#include "domain/assessment/questionnaire.h"
#include "domain/course/course.h"
#include "domain/practice/practice.h"
#include "domain/safety/crisis_lines.h"

namespace securebase::content {

enum class DocumentKind { kCourse, kModule, kLesson, kQuestionnaire, kPractice, kCrisisLines };

const char* DocumentKindName(DocumentKind kind);

// One data file, with the fields every kind shares.
struct Document {
  DocumentKind kind;
  std::string id;
  std::string title;
  std::filesystem::path file;  // relative to the content root
  std::string body;            // Markdown after the front matter (lessons only)
};

struct ContentSet {
  std::vector<Document> documents;
  std::vector<Problem> problems;
  std::vector<domain::CountryCrisisLines> crisis_lines;
  // Courses in folder order, rendered and checked (course_validator.h). Only
  // to be served when ok(): with problems, parts may be missing.
  std::vector<domain::Course> courses;
  // Questionnaires in file-name order, each checked by questionnaire_parser.h.
  std::vector<domain::Questionnaire> questionnaires;
  // Practices in file-name order, each checked by practice_parser.h.
  std::vector<domain::Practice> practices;
  int files_read = 0;

  bool ok() const { return problems.empty(); }
  std::map<DocumentKind, int> CountByKind() const;
};

// The kind of content file a path names (relative to the content root), or
// nullopt for a path the loader does not read content from.
std::optional<DocumentKind> DocumentKindOf(const std::filesystem::path& rel);

// Files to take from memory instead of the disk, by path relative to the
// root ("course/c/01-m/01-l.md"): the content as it would be with an edit,
// checked before anything is written.
using ContentOverlay = std::map<std::string, std::string, std::less<>>;

ContentSet LoadContent(const std::filesystem::path& root, const ContentOverlay& overlay = {});

}  // namespace securebase::content
