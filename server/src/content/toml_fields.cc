#include "content/toml_fields.h"

#include <fmt/format.h>

#include <algorithm>

namespace securebase::content {

std::optional<toml::table> ParseToml(std::string_view text, const std::string& file, int first_line,
                                     std::vector<Problem>& problems) {
  try {
    return toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    problems.push_back(Problem{file, first_line - 1 + static_cast<int>(e.source().begin.line),
                               fmt::format("not valid TOML: {}", e.description())});
    return std::nullopt;
  }
}

int TomlFields::LineOf(std::string_view key) const {
  const auto* node = table_.get(key);
  if (node != nullptr && node->source().begin.line > 0) {
    return first_line_ - 1 + static_cast<int>(node->source().begin.line);
  }
  return missing_line_;
}

void TomlFields::Report(int line, std::string message) {
  problems_.push_back(Problem{file_, line, std::move(message)});
}

std::string TomlFields::Text(std::string_view key, bool required) {
  const auto* node = table_.get(key);
  const auto value = node ? node->value<std::string>() : std::nullopt;
  if ((node && (!node->is_string() || !value || value->empty())) || (!node && required)) {
    Report(LineOf(key), required ? fmt::format("'{}' is required and must be text", key)
                                 : fmt::format("'{}' must be text in quotes, or left out", key));
    return {};
  }
  return value.value_or("");
}

std::optional<int> TomlFields::Int(std::string_view key, bool required, int min, int max) {
  const auto* node = table_.get(key);
  if (!node) {
    if (required) {
      Report(LineOf(key),
             fmt::format("'{}' is required: a whole number from {} to {}", key, min, max));
    }
    return std::nullopt;
  }
  const auto value = node->is_integer() ? node->value<int64_t>() : std::nullopt;
  if (!value || *value < min || *value > max) {
    Report(LineOf(key), fmt::format("'{}' must be a whole number from {} to {}", key, min, max));
    return std::nullopt;
  }
  return static_cast<int>(*value);
}

std::vector<IdRef> TomlFields::TextList(std::string_view key) {
  std::vector<IdRef> out;
  const auto* node = table_.get(key);
  if (!node) return out;
  const int line = LineOf(key);
  const auto* array = node->as_array();
  if (!array) {
    Report(line,
           fmt::format("'{}' must be a list in brackets, like {} = [\"a\", \"b\"]", key, key));
    return out;
  }
  for (const auto& item : *array) {
    const auto value = item.value<std::string>();
    if (!item.is_string() || !value) {
      Report(line, fmt::format("every entry of '{}' must be text in quotes", key));
      continue;
    }
    const int item_line = item.source().begin.line > 0
                              ? first_line_ - 1 + static_cast<int>(item.source().begin.line)
                              : line;
    out.push_back(IdRef{*value, item_line});
  }
  return out;
}

const toml::table* TomlFields::Table(std::string_view key) {
  const auto* node = table_.get(key);
  if (!node) return nullptr;
  if (!node->is_table()) {
    Report(LineOf(key),
           fmt::format("'{}' must be a section, written [{}] on a line of its own", key, key));
    return nullptr;
  }
  return node->as_table();
}

void TomlFields::RejectUnknown(std::initializer_list<std::string_view> known) {
  for (const auto& [key, node] : table_) {
    if (std::find(known.begin(), known.end(), key.str()) != known.end()) continue;
    std::string list;
    for (const auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
    const int line = node.source().begin.line > 0
                         ? first_line_ - 1 + static_cast<int>(node.source().begin.line)
                         : first_line_;
    Report(line, fmt::format("'{}' is not a setting Secure Base reads here (check the spelling); "
                             "the settings are: {}",
                             key.str(), list));
  }
}

}  // namespace securebase::content
