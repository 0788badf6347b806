// Reads one content/practices/<id>.toml file into a domain Practice
// (domain/practice/practice.h):
//
//   id = "box-breathing"   title = "…"   summary = "…"   kind = "breathing" | "steps" | "timer"
//   durations = [3, 5, 10]   default_duration = 5          (minutes)
//   instructions = """Markdown"""                          evidence = "…"
//   signs = ["emotional_regulation", …]                    (optional)
//   [[phases]]  name = "in" | "top-up" | "hold" | "out"   seconds = 4     (breathing only)
//   [rate]      default = 6   min = 4   max = 8           (breathing only, optional)
//   [[steps]]   text = "…"   seconds = 30                 (steps only)
//
// Rules (each broken one is a Problem naming the file and its line): the id
// is a content id and the file is named after it; every setting is known
// (a misspelt one is reported, not ignored); durations are whole minutes
// from 1 to 60, listed from shortest to longest, and default_duration is one
// of them; the instructions are plain Markdown, rendered by the lessons'
// safe path (lesson_renderer.h), with no HTML, directives or lesson links;
// a breathing practice has phases with seconds above 0 (up to 60),
// including at least one "in" and one "out"; a rate has min <= default <=
// max, all from 2 to 12 breaths a minute; a steps practice has steps whose
// seconds add up to the default duration; phases, rate and steps appear
// only with their kind; signs are sign ids, each once. Duplicate practice
// ids across files are the loader's to find. docs/content.md documents the
// format.
//
// Thread-safety: pure function; call from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/problem.h"
#include "domain/practice/practice.h"

namespace securebase::content {

struct ParsedPractice {
  domain::Practice practice;
  int id_line = 1;
};

// `file` is the path relative to the content root ("practices/<id>.toml").
// nullopt when the file has any problem (all of them are reported).
std::optional<ParsedPractice> ParsePractice(std::string_view text, const std::string& file,
                                            std::vector<Problem>& problems);

}  // namespace securebase::content
