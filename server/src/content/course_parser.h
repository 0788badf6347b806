// Course parsing: one course file at a time, into the domain model plus the
// file lines the validator needs to name. The three kinds of file are
//
//   course/<course>/course.toml               id, title, summary, [pacing]
//   course/<course>/<NN-module>/module.toml   id, title, summary
//   course/<course>/<NN-module>/<NN>-x.md     +++ front matter +++ and Markdown
//
// Checks here need only the one file (settings present and well typed, ids
// well formed, signs known, embedded practices listed, the lesson not
// empty). Checks across files (duplicate ids, links, known practices, empty
// modules) are in course_validator.h. Settings are documented in
// docs/content.md.
//
// Thread-safety: pure functions; call from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/lesson_renderer.h"
#include "content/problem.h"
#include "domain/course/course.h"

namespace securebase::content {

struct ParsedCourse {
  domain::Course course;  // without modules
  std::string file;
  int id_line = 1;
};

struct ParsedModule {
  domain::Module module;  // without lessons
  std::string file;
  int id_line = 1;
};

struct ParsedLesson {
  domain::Lesson lesson;  // source_file is `file`
  int id_line = 1;
  std::vector<IdRef> listed_practices;  // front matter `practices`
  RenderedLesson rendered;              // directives and links, with lines (its blocks
                                        // are moved into lesson.blocks)
};

// Each returns nullopt only when the file cannot be read at all (bad TOML,
// no front matter); a missing or wrong setting is reported and left empty.
std::optional<ParsedCourse> ParseCourseFile(std::string_view text, const std::string& file,
                                            std::vector<Problem>& problems);
std::optional<ParsedModule> ParseModuleFile(std::string_view text, const std::string& file,
                                            std::vector<Problem>& problems);
std::optional<ParsedLesson> ParseLessonFile(std::string_view text, const std::string& file,
                                            std::vector<Problem>& problems);

}  // namespace securebase::content
