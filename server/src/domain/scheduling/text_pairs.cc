#include "domain/scheduling/text_pairs.h"

#include <charconv>
#include <optional>

namespace securebase::domain {

namespace {

void AppendField(std::string& out, std::string_view text) {
  out += std::to_string(text.size());
  out += ':';
  out += text;
}

// Reads one "<length>:<bytes>" field from the front of `in`.
std::optional<std::string> TakeField(std::string_view& in) {
  const auto colon = in.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 9) return std::nullopt;
  std::size_t length = 0;
  const auto [end, ec] = std::from_chars(in.data(), in.data() + colon, length);
  if (ec != std::errc() || end != in.data() + colon) return std::nullopt;
  in.remove_prefix(colon + 1);
  if (length > in.size()) return std::nullopt;
  std::string field(in.substr(0, length));
  in.remove_prefix(length);
  return field;
}

}  // namespace

std::string EncodeTextPairs(const TextPairs& pairs) {
  std::string out;
  for (const auto& [name, text] : pairs) {
    AppendField(out, name);
    AppendField(out, text);
  }
  return out;
}

Result<TextPairs> DecodeTextPairs(std::string_view bytes) {
  TextPairs out;
  while (!bytes.empty()) {
    auto name = TakeField(bytes);
    auto text = name ? TakeField(bytes) : std::nullopt;
    if (!text) return Internal("stored text pairs are damaged");
    out.emplace_back(std::move(*name), std::move(*text));
  }
  return out;
}

const std::string* FindText(const TextPairs& pairs, std::string_view name) {
  for (const auto& [n, text] : pairs) {
    if (n == name) return &text;
  }
  return nullptr;
}

}  // namespace securebase::domain
