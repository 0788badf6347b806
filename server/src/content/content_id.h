// Content ids: the stable names of courses, modules, lessons, prompts and
// practices, used in URLs and in learners' saved progress. Lowercase ASCII
// letters, digits and hyphens, no hyphen at either end, at most 80 characters.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace securebase::content {

inline constexpr std::size_t kMaxIdLength = 80;

bool IsValidId(std::string_view id);

// The problem message for an id that fails IsValidId.
std::string BadIdMessage(std::string_view id);

}  // namespace securebase::content
