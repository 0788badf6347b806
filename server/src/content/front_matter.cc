#include "content/front_matter.h"

namespace securebase::content {
namespace {

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<FrontMatter> SplitFrontMatter(std::string_view text, std::string* error,
                                            int* error_line) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a BOM from some editors
  std::size_t pos = 0;
  int line = 1;
  auto next_line = [&]() -> std::optional<std::string_view> {
    if (pos >= text.size()) return std::nullopt;
    const auto end = text.find('\n', pos);
    const auto stop = end == std::string_view::npos ? text.size() : end;
    std::string_view l = text.substr(pos, stop - pos);
    pos = end == std::string_view::npos ? text.size() : end + 1;
    return l;
  };
  const auto first = next_line();
  if (!first || TrimRight(*first) != "+++") {
    *error = "the file must start with front matter: a line '+++', TOML settings, and '+++'";
    *error_line = 1;
    return std::nullopt;
  }
  FrontMatter fm;
  const std::size_t toml_start = pos;
  while (const auto l = next_line()) {
    ++line;
    if (TrimRight(*l) == "+++") {
      const std::size_t toml_end =
          pos - l->size() - (pos <= text.size() && text[pos - 1] == '\n' ? 1 : 0);
      fm.toml = std::string(text.substr(toml_start, toml_end - toml_start));
      fm.body = std::string(text.substr(pos));
      fm.body_line = line + 1;
      return fm;
    }
  }
  *error = "the front matter opened with '+++' on line 1 is never closed";
  *error_line = 1;
  return std::nullopt;
}

}  // namespace securebase::content
