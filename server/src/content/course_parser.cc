#include "content/course_parser.h"

#include <fmt/format.h>

#include <algorithm>

#include "content/content_id.h"
#include "content/front_matter.h"
#include "content/toml_fields.h"
#include "domain/course/sign_ids.h"

namespace securebase::content {
namespace {

constexpr int kMaxMinutes = 240;
constexpr int kMaxDaysBetweenModules = 365;

std::string ReadId(TomlFields& fields) {
  std::string id = fields.Text("id", true);
  if (!id.empty() && !IsValidId(id)) fields.Report(fields.LineOf("id"), BadIdMessage(id));
  return id;
}

domain::Pacing ReadPacing(TomlFields& fields, const std::string& file,
                          std::vector<Problem>& problems) {
  domain::Pacing pacing;
  const toml::table* table = fields.Table("pacing");
  if (!table) return pacing;
  // toml++ numbers lines inside [pacing] from the file's first line too.
  TomlFields p(*table, file, 1, problems, fields.LineOf("pacing"));
  p.RejectUnknown({"mode", "days_between_modules"});
  const std::string mode = p.Text("mode", true);
  if (mode == "gentle") {
    pacing.mode = domain::PacingMode::kGentle;
    pacing.days_between_modules =
        p.Int("days_between_modules", true, 1, kMaxDaysBetweenModules).value_or(0);
  } else if (!mode.empty() && mode != "open") {
    p.Report(p.LineOf("mode"),
             fmt::format("pacing mode '{}' is not known: use \"open\" (every module open from "
                         "the start) or \"gentle\" (modules open some days apart)",
                         mode));
  }
  return pacing;
}

void ReadSigns(TomlFields& fields, domain::Lesson& lesson) {
  for (const IdRef& sign : fields.TextList("signs")) {
    if (!domain::IsSignId(sign.id)) {
      std::string list;
      for (const auto s : domain::kSignIds) list += (list.empty() ? "" : ", ") + std::string(s);
      fields.Report(sign.line, fmt::format("'{}' is not one of the eight signs; use one of: {}",
                                           sign.id, list));
      continue;
    }
    if (std::find(lesson.signs.begin(), lesson.signs.end(), sign.id) != lesson.signs.end()) {
      fields.Report(sign.line, fmt::format("the sign '{}' is listed twice", sign.id));
      continue;
    }
    lesson.signs.push_back(sign.id);
  }
}

std::vector<IdRef> ReadPractices(TomlFields& fields, domain::Lesson& lesson) {
  std::vector<IdRef> listed;
  for (const IdRef& practice : fields.TextList("practices")) {
    if (!IsValidId(practice.id)) {
      fields.Report(practice.line, BadIdMessage(practice.id));
      continue;
    }
    if (std::find(lesson.practices.begin(), lesson.practices.end(), practice.id) !=
        lesson.practices.end()) {
      fields.Report(practice.line, fmt::format("the practice '{}' is listed twice", practice.id));
      continue;
    }
    lesson.practices.push_back(practice.id);
    listed.push_back(practice);
  }
  return listed;
}

}  // namespace

std::optional<ParsedCourse> ParseCourseFile(std::string_view text, const std::string& file,
                                            std::vector<Problem>& problems) {
  const auto table = ParseToml(text, file, 1, problems);
  if (!table) return std::nullopt;
  TomlFields fields(*table, file, 1, problems);
  fields.RejectUnknown({"id", "title", "summary", "pacing"});
  ParsedCourse out;
  out.file = file;
  out.id_line = fields.LineOf("id");
  out.course.id = ReadId(fields);
  out.course.title = fields.Text("title", true);
  out.course.summary = fields.Text("summary", true);
  out.course.pacing = ReadPacing(fields, file, problems);
  return out;
}

std::optional<ParsedModule> ParseModuleFile(std::string_view text, const std::string& file,
                                            std::vector<Problem>& problems) {
  const auto table = ParseToml(text, file, 1, problems);
  if (!table) return std::nullopt;
  TomlFields fields(*table, file, 1, problems);
  fields.RejectUnknown({"id", "title", "summary"});
  ParsedModule out;
  out.file = file;
  out.id_line = fields.LineOf("id");
  out.module.id = ReadId(fields);
  out.module.title = fields.Text("title", true);
  out.module.summary = fields.Text("summary", true);
  return out;
}

std::optional<ParsedLesson> ParseLessonFile(std::string_view text, const std::string& file,
                                            std::vector<Problem>& problems) {
  std::string error;
  int error_line = 0;
  const auto fm = SplitFrontMatter(text, &error, &error_line);
  if (!fm) {
    problems.push_back(Problem{file, error_line, error});
    return std::nullopt;
  }
  const auto table = ParseToml(fm->toml, file, fm->toml_line, problems);
  if (!table) return std::nullopt;
  TomlFields fields(*table, file, fm->toml_line, problems);
  fields.RejectUnknown({"id", "title", "summary", "aim", "minutes", "signs", "practices"});

  ParsedLesson out;
  domain::Lesson& lesson = out.lesson;
  lesson.source_file = file;
  out.id_line = fields.LineOf("id");
  lesson.id = ReadId(fields);
  lesson.title = fields.Text("title", true);
  lesson.summary = fields.Text("summary", true);
  lesson.aim = fields.Text("aim", false);
  lesson.minutes = fields.Int("minutes", true, 1, kMaxMinutes).value_or(0);
  ReadSigns(fields, lesson);
  out.listed_practices = ReadPractices(fields, lesson);

  if (fm->body.find_first_not_of(" \t\r\n") == std::string::npos) {
    problems.push_back(
        Problem{file, fm->body_line, "the lesson has no text after its front matter"});
    return out;
  }
  out.rendered = RenderLesson(fm->body, fm->body_line, file, problems);
  if (out.rendered.word_count == 0) {
    problems.push_back(Problem{file, fm->body_line,
                               "the lesson has no words of its own: add some text around its "
                               "practices and prompts"});
  }
  for (const IdRef& embedded : out.rendered.practices) {
    if (std::find(lesson.practices.begin(), lesson.practices.end(), embedded.id) ==
        lesson.practices.end()) {
      problems.push_back(Problem{
          file, embedded.line,
          fmt::format("the practice '{}' is embedded here but not listed in 'practices' at the "
                      "top of the file: add it there",
                      embedded.id)});
    }
  }
  lesson.word_count = out.rendered.word_count;
  lesson.reading_minutes = domain::ReadingMinutes(lesson.word_count);
  lesson.blocks = std::move(out.rendered.blocks);
  out.rendered.blocks.clear();
  return out;
}

}  // namespace securebase::content
