// Lesson rendering: the Markdown body of a lesson becomes the typed blocks of
// domain::Lesson — safe HTML between directive lines, and one block per
// directive:
//
//   ::practice{id=grounding-54321}
//   ::prompt{id=window-of-tolerance-1} What tends to narrow your window?
//
// A directive is a paragraph of its own (a blank line before and after); a
// prompt's question may wrap onto the following lines of that paragraph.
//
// cmark renders in safe mode: raw HTML is replaced by a comment and
// javascript:, vbscript:, file: and data: links lose their target. Both are
// also reported as problems so the author learns that the text will not show.
// Links written `[words](lesson:<id>)` are rewritten to the app's route
// /course/lessons/<id> and returned so the validator can check that the
// lesson exists.
//
// Thread-safety: a pure function; call from any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "content/problem.h"
#include "domain/course/course.h"

namespace securebase::content {

// An id mentioned in a file, with the 1-based file line it appears on.
struct IdRef {
  std::string id;
  int line = 0;
};

struct RenderedLesson {
  std::vector<domain::LessonBlock> blocks;
  int word_count = 0;
  std::vector<IdRef> practices;     // every ::practice directive
  std::vector<IdRef> prompts;       // every ::prompt directive
  std::vector<IdRef> lesson_links;  // every lesson:<id> link target
};

// The app route a `lesson:<id>` link becomes.
std::string LessonPath(std::string_view lesson_id);

// `body` is the Markdown after the front matter; `first_line` is the file
// line it starts on, so problems name lines of the file and not of the body.
RenderedLesson RenderLesson(std::string_view body, int first_line, const std::string& file,
                            std::vector<Problem>& problems);

}  // namespace securebase::content
