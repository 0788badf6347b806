// Course validation: the checks that need more than one file, and the
// assembly of parsed files into domain::Course values.
//
//   - every course folder has a course.toml and at least one module;
//   - every module folder has a module.toml and at least one lesson;
//   - course, module, lesson and prompt ids are each unique across all
//     courses (lessons and prompts are addressed by id alone);
//   - every practice a lesson lists or embeds exists;
//   - every `lesson:<id>` link goes to a lesson that exists.
//
// Each problem names the file and line to fix, and for a duplicate also the
// other file using the id.
//
// Thread-safety: a pure function; call from any thread.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "content/course_parser.h"
#include "content/problem.h"
#include "domain/course/course.h"

namespace securebase::content {

// One module folder as read: its module.toml (if any) and its lessons in
// file-name order.
struct ModuleFiles {
  std::optional<ParsedModule> module;
  std::vector<ParsedLesson> lessons;
};

// One course folder as read, modules keyed by folder name (so in order).
struct CourseFiles {
  std::optional<ParsedCourse> course;
  std::map<std::string, ModuleFiles> modules;
};

// Course folders keyed by their path relative to the content root
// ("course/heal-insecure-attachment").
using CourseTree = std::map<std::string, CourseFiles>;

// Validates and assembles. Courses come out in folder order; a course whose
// course.toml could not be read is left out (its problems say why).
std::vector<domain::Course> BuildCourses(CourseTree tree,
                                         const std::set<std::string, std::less<>>& practice_ids,
                                         std::vector<Problem>& problems);

}  // namespace securebase::content
