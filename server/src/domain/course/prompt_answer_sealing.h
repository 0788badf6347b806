// Where a reflection answer is sealed: the associated data that binds a
// sealed answer to its table, lesson, prompt and owner (common/secret_box.h).
// Shared by the course service, which seals and opens answers, and by key
// rotation, which re-seals them with a new key.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "common/secret_box.h"

namespace securebase::domain {

inline constexpr std::string_view kPromptAnswerTable = "prompt_answers";
// The column as the associated data names it. The SQL column is called
// sealed_text, but answers were first sealed naming "text": changing this
// would make every stored answer fail to open.
inline constexpr std::string_view kPromptAnswerAdColumn = "text";

// The row is "<lesson id>/<prompt id>" (ids never contain "/").
inline std::string PromptAnswerAd(std::string_view lesson_id, std::string_view prompt_id,
                                  std::string_view user_id) {
  std::string row;
  row.reserve(lesson_id.size() + 1 + prompt_id.size());
  row.append(lesson_id).append("/").append(prompt_id);
  return AssociatedData(kPromptAnswerTable, kPromptAnswerAdColumn, row, user_id);
}

}  // namespace securebase::domain
