// Feeds content files (content/: course, modules, lessons, practices,
// questionnaires, crisis lines) to their parsers as the loader would. The
// first byte of an input picks the kind, the rest is the file:
//
//   0 course.md   1 module.md   2 lesson.md   3 questionnaires/*.toml
//   4 practices/*.toml   5 crisis/*.toml   6 front matter alone
//
// Beyond "no crash" it checks that a file the parser cannot use always says
// why (a problem, naming the file), that the parsers promising "nullopt when
// the file has any problem" keep that promise both ways, that every problem
// names a line inside the file, and that the front matter splits where it
// says: the body is the text after the closing '+++' and starts on the line
// it names.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "content/course_parser.h"
#include "content/crisis_lines_parser.h"
#include "content/front_matter.h"
#include "content/practice_parser.h"
#include "content/questionnaire_parser.h"

namespace {

using namespace securebase;
using content::Problem;

void Require(bool ok) {
  if (!ok) std::abort();
}

void CheckProblems(const std::vector<Problem>& problems, const std::string& file,
                   std::string_view text) {
  // Lines end at LF, CR LF or CR (cmark, which reads lesson bodies, counts a
  // CR alone as a line end; the TOML reader does not, so it counts fewer).
  int lines = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
      ++lines;
    }
  }
  for (const Problem& p : problems) {
    Require(p.file == file);
    Require(p.line >= 0 && p.line <= lines);
    Require(!p.message.empty());
  }
}

void FrontMatter(std::string_view text) {
  std::string error;
  int error_line = 0;
  const auto fm = content::SplitFrontMatter(text, &error, &error_line);
  if (!fm) {
    Require(!error.empty() && error_line >= 1);
    return;
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  Require(text.ends_with(fm->body));
  const std::string_view before = text.substr(0, text.size() - fm->body.size());
  Require(fm->body_line == static_cast<int>(std::count(before.begin(), before.end(), '\n')) + 1);
  Require(before.find(fm->toml) != std::string_view::npos);
}

// Runs one parser on `text` as the file `file`. `all_or_nothing`: the parser
// promises a result exactly when there is no problem; otherwise only that
// no result comes with a problem saying why.
template <class Parse>
void Parsed(Parse parse, const std::string& file, std::string_view text, bool all_or_nothing) {
  std::vector<Problem> problems;
  const bool parsed = parse(text, file, problems).has_value();
  if (all_or_nothing) Require(parsed == problems.empty());
  if (!parsed) Require(!problems.empty());
  CheckProblems(problems, file, text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const int kind = data[0] % 7;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (kind) {
    case 0: Parsed(content::ParseCourseFile, "course/c/course.md", text, false); break;
    case 1: Parsed(content::ParseModuleFile, "course/c/01-m/module.md", text, false); break;
    case 2: Parsed(content::ParseLessonFile, "course/c/01-m/01-l.md", text, false); break;
    case 3: Parsed(content::ParseQuestionnaire, "questionnaires/q.toml", text, true); break;
    case 4: Parsed(content::ParsePractice, "practices/p.toml", text, true); break;
    case 5: Parsed(content::ParseCrisisLines, "crisis/gb.toml", text, false); break;
    default: FrontMatter(text); break;
  }
  return 0;
}
