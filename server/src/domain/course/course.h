// The course model: a course holds modules, a module holds lessons, and a
// lesson is a list of typed blocks (rendered HTML, an embedded practice, a
// reflection prompt) that the app shows in order.
//
// These are plain values built once by content/ (course_parser,
// lesson_renderer, course_validator) from the files under content/course/.
// Nothing here knows about Markdown, TOML or HTTP. Ids are the stable names
// that saved progress and reflection answers hang on; titles and text may
// change freely between releases.
//
// Thread-safety: immutable values after loading; safe to read from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace securebase::domain {

// How modules open. kOpen: all at once. kGentle: each module opens
// `days_between_modules` days after the learner started the previous one.
enum class PacingMode { kOpen, kGentle };

struct Pacing {
  PacingMode mode = PacingMode::kOpen;
  int days_between_modules = 0;  // > 0 when mode is kGentle
};

const char* PacingModeName(PacingMode mode);  // "open" | "gentle"

// Safe HTML rendered from the lesson's Markdown (raw HTML and dangerous links
// already removed; lesson links already point at /course/lessons/<id>).
struct HtmlBlock {
  std::string html;
};

// `::practice{id=…}`: the app opens the practice player for practice_id.
// The title is the catalogue's, copied in when the content is loaded (the two
// are published together), so a lesson read offline still names its practice.
struct PracticeBlock {
  std::string practice_id;
  std::string title;
};

// `::prompt{id=…} text`: a reflection question answered inline. `text` is
// plain text, never HTML; the app escapes it like any other text.
struct PromptBlock {
  std::string id;
  std::string text;
};

using LessonBlock = std::variant<HtmlBlock, PracticeBlock, PromptBlock>;

const char* LessonBlockKind(const LessonBlock& block);  // "html" | "practice" | "prompt"

struct Lesson {
  std::string id;
  std::string title;
  std::string summary;
  std::string aim;                     // may be empty
  int minutes = 0;                     // the author's estimate, practices included
  int reading_minutes = 0;             // from the word count, see ReadingMinutes
  int word_count = 0;                  // words of text, prompts included
  std::vector<std::string> signs;      // sign ids (see sign_ids.h)
  std::vector<std::string> practices;  // practice ids the lesson uses
  std::vector<LessonBlock> blocks;
  std::string source_file;  // relative to the content root, for the practitioner
};

struct Module {
  std::string id;
  std::string title;
  std::string summary;
  std::vector<Lesson> lessons;
};

struct Course {
  std::string id;
  std::string title;
  std::string summary;
  Pacing pacing;
  std::vector<Module> modules;
};

// Reading time at about 200 words a minute, rounded, and never under a minute.
int ReadingMinutes(int word_count);

// Where a lesson sits in its course, with its neighbours across module
// boundaries (nullptr at either end of the course). Pointers are into
// `course` and live as long as it does.
struct LessonPlace {
  const Module* module = nullptr;
  const Lesson* lesson = nullptr;
  const Lesson* previous = nullptr;
  const Lesson* next = nullptr;
  int module_index = 0;  // 0-based
  int lesson_index = 0;  // 0-based within the module
};

std::optional<LessonPlace> FindLesson(const Course& course, std::string_view lesson_id);

// The lesson with this id in any of `courses`, with its course.
struct CourseLesson {
  const Course* course = nullptr;
  LessonPlace place;
};
std::optional<CourseLesson> FindLesson(const std::vector<Course>& courses,
                                       std::string_view lesson_id);

int LessonCount(const Course& course);

}  // namespace securebase::domain
