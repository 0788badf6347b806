#include "content/content_id.h"

#include <fmt/format.h>

#include <algorithm>

namespace securebase::content {

bool IsValidId(std::string_view id) {
  return !id.empty() && id.size() <= kMaxIdLength &&
         std::all_of(
             id.begin(), id.end(),
             [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }) &&
         id.front() != '-' && id.back() != '-';
}

std::string BadIdMessage(std::string_view id) {
  return fmt::format("the id '{}' may use only lowercase letters, digits and hyphens", id);
}

}  // namespace securebase::content
