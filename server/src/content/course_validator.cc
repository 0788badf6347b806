#include "content/course_validator.h"

#include <fmt/format.h>

#include <utility>

namespace securebase::content {
namespace {

// Where an id was first seen, to name it when the id comes back.
struct Seen {
  std::string file;
  int line = 0;
};

class Validator {
 public:
  Validator(const std::set<std::string, std::less<>>& practice_ids, std::vector<Problem>& problems)
      : practice_ids_(practice_ids), problems_(problems) {}

  std::vector<domain::Course> Run(CourseTree& tree) {
    // Ids first, across all courses, so links can point anywhere.
    for (const auto& [dir, files] : tree) {
      for (const auto& [module_dir, module] : files.modules) {
        for (const ParsedLesson& lesson : module.lessons) {
          Unique("lesson", lesson.lesson.id, lesson.lesson.source_file, lesson.id_line, lessons_);
        }
      }
    }
    std::vector<domain::Course> courses;
    for (auto& [dir, files] : tree) {
      if (auto course = Assemble(dir, files)) courses.push_back(std::move(*course));
    }
    return courses;
  }

 private:
  void Report(const std::string& file, int line, std::string message) {
    problems_.push_back(Problem{file, line, std::move(message)});
  }

  void Unique(const char* kind, const std::string& id, const std::string& file, int line,
              std::map<std::string, Seen>& seen) {
    if (id.empty()) return;  // already reported as missing
    const auto [it, inserted] = seen.emplace(id, Seen{file, line});
    if (inserted) return;
    Report(file, line,
           fmt::format("the {} id '{}' is used twice (also in {}:{}): give each {} its own id",
                       kind, id, it->second.file, it->second.line, kind));
  }

  std::optional<domain::Course> Assemble(const std::string& dir, CourseFiles& files) {
    if (!files.course) {
      Report(dir, 0,
             "this course folder has no readable course.toml: add one with id, title and "
             "summary (see docs/content.md)");
      return std::nullopt;
    }
    ParsedCourse& parsed = *files.course;
    Unique("course", parsed.course.id, parsed.file, parsed.id_line, courses_);
    if (files.modules.empty()) {
      Report(parsed.file, 0,
             "the course has no modules yet: add a numbered folder beside course.toml with a "
             "module.toml and at least one lesson");
    }
    domain::Course course = std::move(parsed.course);
    for (auto& [module_dir, module_files] : files.modules) {
      std::string module_path = dir;
      module_path += '/';
      module_path += module_dir;
      if (auto module = AssembleModule(module_path, module_files)) {
        course.modules.push_back(std::move(*module));
      }
    }
    return course;
  }

  std::optional<domain::Module> AssembleModule(const std::string& dir, ModuleFiles& files) {
    for (ParsedLesson& lesson : files.lessons) CheckLesson(lesson);
    if (!files.module) {
      Report(dir, 0,
             "this module folder has no readable module.toml: add one with id, title and "
             "summary (see docs/content.md)");
      return std::nullopt;
    }
    ParsedModule& parsed = *files.module;
    Unique("module", parsed.module.id, parsed.file, parsed.id_line, modules_);
    if (files.lessons.empty()) {
      Report(parsed.file, 0,
             "the module has no lessons yet: add a Markdown lesson beside module.toml, such as "
             "01-first-lesson.md");
    }
    domain::Module module = std::move(parsed.module);
    for (ParsedLesson& lesson : files.lessons) module.lessons.push_back(std::move(lesson.lesson));
    return module;
  }

  void CheckLesson(const ParsedLesson& parsed) {
    const std::string& file = parsed.lesson.source_file;
    for (const IdRef& prompt : parsed.rendered.prompts) {
      Unique("prompt", prompt.id, file, prompt.line, prompts_);
    }
    for (const IdRef& practice : parsed.listed_practices) CheckPractice(file, practice);
    for (const IdRef& practice : parsed.rendered.practices) CheckPractice(file, practice);
    for (const IdRef& link : parsed.rendered.lesson_links) {
      if (!lessons_.contains(link.id)) {
        Report(file, link.line,
               fmt::format("the link goes to lesson '{}', but no lesson has that id: check the "
                           "id in that lesson's front matter",
                           link.id));
      }
    }
  }

  void CheckPractice(const std::string& file, const IdRef& practice) {
    if (practice_ids_.contains(practice.id)) return;
    std::string known;
    for (const auto& id : practice_ids_) known += (known.empty() ? "" : ", ") + id;
    Report(file, practice.line,
           fmt::format("there is no practice '{}': use one of {} (see docs/content.md)",
                       practice.id, known));
  }

  const std::set<std::string, std::less<>>& practice_ids_;
  std::vector<Problem>& problems_;
  std::map<std::string, Seen> courses_, modules_, lessons_, prompts_;
};

}  // namespace

std::vector<domain::Course> BuildCourses(CourseTree tree,
                                         const std::set<std::string, std::less<>>& practice_ids,
                                         std::vector<Problem>& problems) {
  return Validator(practice_ids, problems).Run(tree);
}

}  // namespace securebase::content
