#include "domain/notes/session_note.h"

#include <algorithm>

namespace securebase::domain {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// Unicode code points in UTF-8 text: every byte that is not a continuation
// byte starts one. (The JSON parser has checked that the text is UTF-8.)
std::size_t CodePoints(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

bool IsNoteId(std::string_view id) {
  constexpr std::string_view kPrefix = "nt_";
  if (id.size() != kPrefix.size() + 32 || !id.starts_with(kPrefix)) return false;
  return std::all_of(id.begin() + kPrefix.size(), id.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::string TrimNoteText(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return std::string(text);
}

std::vector<FieldError> CheckNoteText(std::string_view trimmed) {
  if (trimmed.empty()) return {{"text", "is empty: please write something before saving"}};
  if (CodePoints(trimmed) > kMaxNoteChars) {
    static_assert(kMaxNoteChars == 20'000, "the message below names the limit");
    return {{"text", "is too long: at most 20,000 characters, please"}};
  }
  return {};
}

}  // namespace securebase::domain
