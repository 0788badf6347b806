// Reads one content/questionnaires/<id>.toml file into a domain
// Questionnaire (domain/assessment/questionnaire.h):
//
//   id = "attachment"   version = 1   kind = "attachment" | "signs" | "general"
//   title = "…"         instructions = "…"
//   [scale]     min = 1   max = 7   labels = ["…", …]      (one per answer)
//   [[subscales]]  id = "anxiety"  title = "…"
//     [subscales.norms]  mean = 3.6  sd = 1.1  reliability = 0.9  source = "…"   (optional)
//   [[items]]  id = "anx-01"  text = "…"  subscale = "anxiety"  reverse = true   (reverse optional)
//
// Rules (each broken one is a Problem naming the file and its line): the
// questionnaire id is a content id; version ≥ 1; min < max and exactly
// max − min + 1 labels; subscale and item ids are lowercase letters,
// digits, hyphens or underscores, each unique in the file; every item is on
// a declared subscale and every subscale has an item; norms have sd > 0,
// reliability strictly between 0 and 1, a mean on the scale and a source.
// Kind "attachment" has exactly the subscales anxiety and avoidance; kind
// "signs" has exactly the eight sign ids as subscales and no reverse-keyed
// item (a frequency cannot be turned round). Duplicate questionnaire ids
// across files are the loader's to find. docs/content.md documents the
// format.
//
// Thread-safety: pure function; call from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/problem.h"
#include "domain/assessment/questionnaire.h"

namespace securebase::content {

struct ParsedQuestionnaire {
  domain::Questionnaire questionnaire;
  int id_line = 1;
};

// nullopt when the file has any problem (all of them are reported).
std::optional<ParsedQuestionnaire> ParseQuestionnaire(std::string_view text,
                                                      const std::string& file,
                                                      std::vector<Problem>& problems);

}  // namespace securebase::content
